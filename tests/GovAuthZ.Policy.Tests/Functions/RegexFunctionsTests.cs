using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy.Tests.Functions;

public sealed class RegexFunctionsTests
{
    /// <summary>Guards the bounded-time tests: a regression fails instead of hanging the run.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("/topic/create", "/topic/create", true)]
    [InlineData("/topic/create/123", "/topic/create", true)]
    [InlineData("/topic/delete", "/topic/create", false)]
    [InlineData("/topic/edit", "/topic/edit/[0-9]+", false)]
    [InlineData("/topic/edit/123", "/topic/edit/[0-9]+", true)]
    [InlineData("/topic/edit/abc", "/topic/edit/[0-9]+", false)]
    [InlineData("/foo/delete/123", "/topic/delete/[0-9]+", false)]
    [InlineData("/topic/delete/0", "/topic/delete/[0-9]+", true)]
    [InlineData("/topic/edit/123s", "/topic/delete/[0-9]+", false)]
    [InlineData("/topic/create/123", "^/topic/create$", false)]
    public void RegexMatch_WhenDocumentedExample_SearchesUnanchored(string input, string pattern, bool expected) =>
        Assert.Equal(expected, RegexFunctions.RegexMatch(input, pattern));

    [Fact]
    public async Task RegexMatch_WhenCatastrophicPatternOnLongInput_ReturnsFalsePromptly()
    {
        var input = new string('a', 50_000) + "!";

        // WaitAsync throws TimeoutException if the linear engine is not in use.
        var matched = await Task.Run(() => RegexFunctions.RegexMatch(input, "(a+)+$")).WaitAsync(Guard);

        Assert.False(matched);
    }

    [Fact]
    public async Task RegexMatch_WhenBackreferenceOnAdversarialInput_MatchesOrTimesOut()
    {
        var input = new string('a', 5_000) + "!";
        var outcome = await Task.Run(() =>
        {
            try
            {
                return RegexFunctions.RegexMatch(input, @"^(a+)+\1$") ? "match" : "no match";
            }
            catch (GovAuthZException e) when (e.Code == ErrorCode.EvalRegexTimeout)
            {
                return "timeout";
            }
        }).WaitAsync(Guard);

        Assert.Contains(outcome, new[] { "no match", "timeout" });
    }

    [Fact]
    public void RegexMatch_WhenBackreferenceOnOrdinaryInput_MatchesCorrectly()
    {
        Assert.True(RegexFunctions.RegexMatch("/users/42/42", @"/(\d+)/\1$"));
        Assert.False(RegexFunctions.RegexMatch("/users/42/43", @"/(\d+)/\1$"));
    }

    [Theory]
    [InlineData("[")]
    [InlineData("(a")]
    [InlineData("a**")]
    public void RegexMatch_WhenPatternInvalid_ThrowsMatcherInvalidPattern(string pattern)
    {
        var error = Assert.Throws<GovAuthZException>(() => RegexFunctions.RegexMatch("a", pattern));
        Assert.Equal(ErrorCode.MatcherInvalidPattern, error.Code);
        Assert.Contains(pattern, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void BacktrackingTimeout_WhenSetToZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RegexFunctions.BacktrackingTimeout = TimeSpan.Zero);

    [Fact]
    public void RegexMatch_WhenMorePatternsThanCacheCapacity_KeepsAnsweringCorrectly()
    {
        for (var i = 0; i < RegexFunctions.CacheCapacity + 10; i++)
        {
            var digits = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(RegexFunctions.RegexMatch("id-" + digits, "^id-" + digits + "$"));
        }
    }
}
