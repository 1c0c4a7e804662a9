using FsCheck.Fluent;
using FsCheck.Xunit;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy.Tests.Functions;

public sealed class GlobFunctionsTests
{
    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("*", "abc", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("a*", "a", true)]
    [InlineData("a*", "abc", true)]
    [InlineData("a*", "ab/c", false)]
    [InlineData("a*/b", "abc/b", true)]
    [InlineData("a*/b", "a/c/b", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzx", true)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzy", false)]
    [InlineData("ab[c]", "abc", true)]
    [InlineData("ab[b-d]", "abc", true)]
    [InlineData("ab[e-g]", "abc", false)]
    [InlineData("ab[^c]", "abc", false)]
    [InlineData("ab[^b-d]", "abc", false)]
    [InlineData("ab[^e-g]", "abc", true)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "ab", false)]
    [InlineData("a?b", "a☺b", true)]
    [InlineData("a[^a]b", "a☺b", true)]
    [InlineData("a???b", "a☺b", false)]
    [InlineData("[a-ζ]*", "α", true)]
    [InlineData("*[a-ζ]", "A", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("a*b", "a/b", false)]
    [InlineData("[\\]a]", "]", true)]
    [InlineData("[\\-]", "-", true)]
    [InlineData("[x\\-]", "-", true)]
    [InlineData("[x\\-]", "z", false)]
    [InlineData("[\\-x]", "a", false)]
    [InlineData("*x", "xxx", true)]
    [InlineData("a?b", "a😀b", true)]
    [InlineData("a??b", "a😀b", false)]
    [InlineData("[^a]", "/", true)]
    [InlineData("a[^x]b", "a/b", true)]
    public void GlobMatch_WhenGoPathMatchExample_MatchesAsGo(string pattern, string name, bool expected) =>
        Assert.Equal(expected, GlobFunctions.GlobMatch(name, pattern));

    [Theory]
    [InlineData("/foo", "/foo", true)]
    [InlineData("/foo", "/foo*", true)]
    [InlineData("/foo", "/foo/*", false)]
    [InlineData("/foo/bar", "/foo", false)]
    [InlineData("/foo/bar", "/foo*", false)]
    [InlineData("/foo/bar", "/foo/*", true)]
    [InlineData("/foobar", "/foo*", true)]
    [InlineData("/foobar", "/foo/*", false)]
    [InlineData("/foo", "*/foo", true)]
    [InlineData("/foo/bar", "*/foo/*", true)]
    [InlineData("/prefix/foo", "*/foo", false)]
    [InlineData("/prefix/subprefix/foobar", "*/foo*", false)]
    public void GlobMatch_WhenCasbinExample_MatchesAsCasbin(string name, string pattern, bool expected) =>
        Assert.Equal(expected, GlobFunctions.GlobMatch(name, pattern));

    [Theory]
    [InlineData("*[^a]*", "^/", false)] // "[^a]" fits "^" first; the trailing star cannot take "/"
    [InlineData("*[^a]*", "/", true)]
    [InlineData("*[^a]", "^/", true)] // the last chunk must use up the name, so the star moves it on
    [InlineData("*[b/]*", "b/", false)] // "[b/]" fits "b" first; the trailing star cannot take "/"
    public void GlobMatch_WhenClassCouldMatchSlash_CommitsToFirstFitAsGo(string pattern, string name, bool expected) =>
        Assert.Equal(expected, GlobFunctions.GlobMatch(name, pattern));

    [Theory]
    [InlineData("[]a]")]
    [InlineData("[-]")]
    [InlineData("[x-]")]
    [InlineData("[-x]")]
    [InlineData("\\")]
    [InlineData("[a-b-c]")]
    [InlineData("[")]
    [InlineData("[^")]
    [InlineData("[^bc")]
    [InlineData("a[")]
    [InlineData("a/b[")]
    [InlineData("zzz[")]
    public void GlobMatch_WhenPatternMalformed_ThrowsBadArgumentWhateverTheName(string pattern)
    {
        var error = Assert.Throws<GovAuthZException>(() => GlobFunctions.GlobMatch("a", pattern));
        Assert.Equal(ErrorCode.EvalBadArgument, error.Code);
    }

    [Property(MaxTest = 3000, Arbitrary = [typeof(GlobArbitraries)])]
    public void GlobMatch_WhenComparedWithRegexModel_Agrees(GlobCase c)
    {
        bool? actual;
        try
        {
            actual = GlobFunctions.GlobMatch(c.Name, c.Pattern);
        }
        catch (GovAuthZException e) when (e.Code == ErrorCode.EvalBadArgument)
        {
            actual = null;
        }

        Assert.Equal(GlobReference.Match(c.Name, c.Pattern), actual);
    }

    [Theory]
    [InlineData("*[b/]*", false)]
    [InlineData("[ab?b[/]*", false)]
    [InlineData("[^a]", false)]
    [InlineData("[^a/]*", true)]
    [InlineData("a[bc]/*", true)]
    public void NoClassMatchesSlash_WhenPatternHasClasses_TellsWhetherRegexModelApplies(string pattern, bool expected) =>
        Assert.Equal(expected, GlobArbitraries.NoClassMatchesSlash(pattern));

    [Fact]
    public void GlobCase_WhenSampled_CoversMatchesMismatchesAndMalformedPatterns()
    {
        int matches = 0, mismatches = 0, malformed = 0;
        foreach (var c in GlobArbitraries.GlobCase().Generator.Sample(2000))
        {
            switch (GlobReference.Match(c.Name, c.Pattern))
            {
                case true: matches++; break;
                case false: mismatches++; break;
                default: malformed++; break;
            }
        }

        Assert.True(matches >= 200 && mismatches >= 200 && malformed >= 100, $"{matches} / {mismatches} / {malformed}");
    }
}
