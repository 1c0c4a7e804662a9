using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy.Tests.Functions;

/// <summary>Examples from the Casbin function documentation and test suite, plus our own edge cases.</summary>
public sealed class KeyMatchFunctionsTests
{
    [Theory]
    [InlineData("/foo", "/foo", true)]
    [InlineData("/foo", "/foo*", true)]
    [InlineData("/foo", "/foo/*", false)]
    [InlineData("/foo/bar", "/foo", false)]
    [InlineData("/foo/bar", "/foo*", true)]
    [InlineData("/foo/bar", "/foo/*", true)]
    [InlineData("/foobar", "/foo", false)]
    [InlineData("/foobar", "/foo*", true)]
    [InlineData("/foobar", "/foo/*", false)]
    [InlineData("/foozzz", "/foo*bar", true)]
    public void KeyMatch_WhenDocumentedExample_MatchesPrefixBeforeStar(string key, string pattern, bool expected) =>
        Assert.Equal(expected, KeyMatchFunctions.KeyMatch(key, pattern));

    [Theory]
    [InlineData("/foo", "/foo", "")]
    [InlineData("/foo", "/foo*", "")]
    [InlineData("/foo", "/foo/*", "")]
    [InlineData("/foo/bar", "/foo", "")]
    [InlineData("/foo/bar", "/foo*", "/bar")]
    [InlineData("/foo/bar", "/foo/*", "bar")]
    [InlineData("/foobar", "/foo*", "bar")]
    [InlineData("/foobar", "/foo/*", "")]
    public void KeyGet_WhenDocumentedExample_ReturnsStarPart(string key, string pattern, string expected) =>
        Assert.Equal(expected, KeyMatchFunctions.KeyGet(key, pattern));

    [Theory]
    [InlineData("/foo", "/foo", true)]
    [InlineData("/foo", "/foo*", true)]
    [InlineData("/foo", "/foo/*", false)]
    [InlineData("/foo/bar", "/foo*", false)]
    [InlineData("/foo/bar", "/foo/*", true)]
    [InlineData("/foobar", "/foo*", false)]
    [InlineData("/", "/:resource", false)]
    [InlineData("/resource1", "/:resource", true)]
    [InlineData("/myid", "/:id/using/:resId", false)]
    [InlineData("/myid/using/myresid", "/:id/using/:resId", true)]
    [InlineData("/proxy/myid", "/proxy/:id/*", false)]
    [InlineData("/proxy/myid/", "/proxy/:id/*", true)]
    [InlineData("/proxy/myid/res/res2/res3", "/proxy/:id/*", true)]
    [InlineData("/proxy/", "/proxy/:id/*", false)]
    [InlineData("/alice/all", "/:id/all", true)]
    [InlineData("/alice/all", "/:id", false)]
    [InlineData("/alice/all", "/:/all", false)]
    [InlineData("/:/all", "/:/all", true)]
    public void KeyMatch2_WhenDocumentedExample_MatchesAsCasbin(string key, string pattern, bool expected) =>
        Assert.Equal(expected, KeyMatchFunctions.KeyMatch2(key, pattern));

    [Theory]
    [InlineData("/api/v1.0/users", "/api/v1.0/:res", true)]
    [InlineData("/api/v1x0/users", "/api/v1.0/:res", false)]
    [InlineData("/a/b", "/(a|x)/:res", false)]
    public void KeyMatch2_WhenPatternHasRegexCharacters_TreatsThemLiterally(string key, string pattern, bool expected) =>
        Assert.Equal(expected, KeyMatchFunctions.KeyMatch2(key, pattern));

    [Theory]
    [InlineData("/foo", "/foo*", true)]
    [InlineData("/foo/bar", "/foo/*", true)]
    [InlineData("/foobar", "/foo*", false)]
    [InlineData("/", "/{resource}", false)]
    [InlineData("/resource1", "/{resource}", true)]
    [InlineData("/myid/using/myresid", "/{id}/using/{resId}", true)]
    [InlineData("/proxy/myid", "/proxy/{id}/*", false)]
    [InlineData("/proxy/myid/res/res2", "/proxy/{id}/*", true)]
    [InlineData("/myid/using/myresid", "/{id/using/{resId}", false)]
    [InlineData("/{id/using/myresid", "/{id/using/{resId}", true)]
    [InlineData("/api/a_b/info", "/api/{g}_{gn}/info", true)]
    [InlineData("/api/ab/info", "/api/{g}_{gn}/info", true)] // greedy: "{g}_{gn}" is one parameter
    public void KeyMatch3_WhenDocumentedExample_MatchesAsCasbin(string key, string pattern, bool expected) =>
        Assert.Equal(expected, KeyMatchFunctions.KeyMatch3(key, pattern));

    [Theory]
    [InlineData("/parent/123/child/123", "/parent/{id}/child/{id}", true)]
    [InlineData("/parent/123/child/456", "/parent/{id}/child/{id}", false)]
    [InlineData("/parent/123/child/123", "/parent/{id}/child/{another_id}", true)]
    [InlineData("/parent/123/child/456", "/parent/{id}/child/{another_id}", true)]
    [InlineData("/parent/123/child/123/book/123", "/parent/{id}/child/{id}/book/{id}", true)]
    [InlineData("/parent/123/child/123/book/456", "/parent/{id}/child/{id}/book/{id}", false)]
    [InlineData("/parent/123/child/456/book/123", "/parent/{id}/child/{id}/book/{id}", false)]
    [InlineData("/parent/123/child/456/book/", "/parent/{id}/child/{id}/book/{id}", false)]
    [InlineData("/parent/123/child/456", "/parent/{id}/child/{id}/book/{id}", false)]
    [InlineData("/parent/123/child/123", "/parent/{i/d}/child/{i/d}", false)]
    public void KeyMatch4_WhenDocumentedExample_RequiresRepeatedValuesEqual(string key, string pattern, bool expected) =>
        Assert.Equal(expected, KeyMatchFunctions.KeyMatch4(key, pattern));

    [Fact]
    public void KeyMatch4_WhenOnlyAnotherSplitWouldAgree_UsesFirstRegexMatchLikeCasbin()
    {
        // The greedy first match gives a="xb" and an empty "b*"; the second a="x" then differs. a="x" with
        // "b*" taking the "b" would agree, but Casbin compares only the values of the engine's first match.
        Assert.False(KeyMatchFunctions.KeyMatch4("/xb/x", "/{a}b*/{a}"));
        Assert.False(KeyMatchReference.KeyMatch4("/xb/x", "/{a}b*/{a}"));
        Assert.True(KeyMatchFunctions.KeyMatch4("/xb/xb", "/{a}b*/{a}"));
    }

    [Theory]
    [InlineData("/parent/child?status=1&type=2", "/parent/child", true)]
    [InlineData("/parent?status=1&type=2", "/parent/child", false)]
    [InlineData("/parent/child/?status=1&type=2", "/parent/child/", true)]
    [InlineData("/parent/child/?status=1&type=2", "/parent/child", false)]
    [InlineData("/parent/child?status=1&type=2", "/parent/child/", false)]
    [InlineData("/foo", "/foo*", true)]
    [InlineData("/foo/bar", "/foo*", false)]
    [InlineData("/resource1", "/{resource}", true)]
    [InlineData("/proxy/myid?status=1&type=2", "/proxy/{id}/*", false)]
    [InlineData("/proxy/myid/res?status=1&type=2", "/proxy/{id}/*", true)]
    [InlineData("/proxy/myid/res/res2/res3?status=1&type=2", "/proxy/{id}/*", true)]
    public void KeyMatch5_WhenDocumentedExample_IgnoresQueryString(string key, string pattern, bool expected) =>
        Assert.Equal(expected, KeyMatchFunctions.KeyMatch5(key, pattern));

    [Theory]
    [InlineData("/foo/bar", "/foo/*", "id", "")]
    [InlineData("/", "/:resource", "resource", "")]
    [InlineData("/resource1", "/:resource", "resource", "resource1")]
    [InlineData("/myid", "/:id/using/:resId", "id", "")]
    [InlineData("/myid/using/myresid", "/:id/using/:resId", "id", "myid")]
    [InlineData("/myid/using/myresid", "/:id/using/:resId", "resId", "myresid")]
    [InlineData("/proxy/myid/res/res2/res3", "/proxy/:id/*", "id", "myid")]
    [InlineData("/proxy/myid/res/res2/res3", "/proxy/:id/res/*", "id", "myid")]
    [InlineData("/proxy/", "/proxy/:id/*", "id", "")]
    [InlineData("/alice/all", "/:id/all", "id", "alice")]
    [InlineData("/alice/all", "/:/all", "", "")]
    public void KeyGet2_WhenDocumentedExample_ReturnsParameterValue(string key, string pattern, string name, string expected) =>
        Assert.Equal(expected, KeyMatchFunctions.KeyGet2(key, pattern, name));

    [Theory]
    [InlineData("/resource1", "/{resource}", "resource", "resource1")]
    [InlineData("/myid/using/myresid", "/{id}/using/{resId}", "resId", "myresid")]
    [InlineData("/proxy/myid/", "/proxy/{id}/*", "id", "myid")]
    [InlineData("/proxy/", "/proxy/{id}/*", "id", "")]
    [InlineData("/api/group1_group_name/project1_admin/info", "/api/{proj}_admin/info", "proj", "")]
    [InlineData("/{id/using/myresid", "/{id/using/{resId}", "resId", "myresid")]
    [InlineData("/{id/using/myresid/status}", "/{id/using/{resId}/status}", "resId", "myresid")]
    [InlineData("/proxy/myid/res/res2/res3", "/proxy/{id}/*/{res}", "res", "res3")]
    [InlineData("/api/project1_admin/info", "/api/{proj}_admin/info", "proj", "project1")]
    [InlineData("/api/group1_group_name/project1_admin/info", "/api/{g}_{gn}/{proj}_admin/info", "g", "group1")]
    [InlineData("/api/group1_group_name/project1_admin/info", "/api/{g}_{gn}/{proj}_admin/info", "gn", "group_name")]
    [InlineData("/api/group1_group_name/project1_admin/info", "/api/{g}_{gn}/{proj}_admin/info", "proj", "project1")]
    public void KeyGet3_WhenDocumentedExample_ReturnsLazyParameterValue(string key, string pattern, string name, string expected) =>
        Assert.Equal(expected, KeyMatchFunctions.KeyGet3(key, pattern, name));

    [Theory]
    [InlineData("*foo")]
    [InlineData("/foo/**")]
    [InlineData("/foo**")]
    [InlineData("/{id}*")]
    public void KeyMatch3_WhenStarHasNothingToRepeat_ThrowsInvalidPattern(string pattern)
    {
        var error = Assert.Throws<GovAuthZException>(() => KeyMatchFunctions.KeyMatch3("/foo", pattern));
        Assert.Equal(ErrorCode.MatcherInvalidPattern, error.Code);
    }

    [Theory]
    [InlineData("/f/1", "/fo*/:id", true)]
    [InlineData("/fooo/1", "/fo*/:id", true)]
    [InlineData("/g/1", "/fo*/:id", false)]
    [InlineData("/api/v2/res7/1", "/api/v1/res7/:id", false)]
    [InlineData("/api/v1/res7/1", "/api/v1/res7/:id", true)]
    [InlineData("/api", "/api/v1/:id", false)]
    public void KeyMatch2_WhenKeyDiffersBeforeFirstParameter_DecidesAsFullMatch(string key, string pattern, bool expected) =>
        Assert.Equal(expected, KeyMatchFunctions.KeyMatch2(key, pattern));

    [Fact]
    public void KeyMatch3_WhenPatternInvalidAndKeyLacksItsPrefix_StillThrowsInvalidPattern()
    {
        var error = Assert.Throws<GovAuthZException>(() => KeyMatchFunctions.KeyMatch3("/bar", "/foo/**"));
        Assert.Equal(ErrorCode.MatcherInvalidPattern, error.Code);
    }

    [Fact]
    public void KeyMatch2_WhenPatternTooLong_ThrowsInvalidPattern()
    {
        var pattern = "/:id" + new string('a', PathPatternParser.MaxPatternLength);
        var error = Assert.Throws<GovAuthZException>(() => KeyMatchFunctions.KeyMatch2("/x", pattern));
        Assert.Equal(ErrorCode.MatcherInvalidPattern, error.Code);
    }

    [Fact]
    public void KeyMatch4_WhenPatternAndKeyExceedStackBuffers_StillDecidesCorrectly()
    {
        // 60 segments: the tokens and the capture table no longer fit the stack buffers and are pooled.
        var pattern = string.Concat(Enumerable.Repeat("/{id}/seg", 30)) + "/*";
        var key = string.Concat(Enumerable.Repeat("/12345/seg", 30)) + "/tail";
        Assert.True(KeyMatchFunctions.KeyMatch4(key, pattern));
        Assert.False(KeyMatchFunctions.KeyMatch4(key.Replace("/12345/seg/tail", "/12346/seg/tail", StringComparison.Ordinal), pattern));
        Assert.Equal("12345", KeyMatchFunctions.KeyGet3(key, pattern, "id"));
    }

    [Fact]
    public void KeyMatch2_WhenAdversarialKeyAgainstManyWildcards_AnswersWithoutBacktracking()
    {
        // A backtracking matcher needs ~n^5 steps here; the automaton needs n x tokens.
        var key = "/" + new string('a', 20_000);
        Assert.False(KeyMatchFunctions.KeyMatch3(key, "/{a}{b}{c}{d}{e}x"));
        Assert.False(KeyMatchFunctions.KeyGet3(key, "/{a}{b}{c}{d}{e}x", "a").Length > 0);
    }
}
