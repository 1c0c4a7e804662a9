using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

public sealed class ConsistencyTokenTests
{
    [Theory]
    [InlineData("", 1)]
    [InlineData("rev:3", 3)]
    [InlineData("rev:3", 7)]
    public void Require_WhenServingStateIsNewEnough_Accepts(string token, long serving)
    {
        ConsistencyToken.Require(token, serving);

        Assert.Equal("rev:" + serving, ConsistencyToken.ForRevision(serving));
    }

    [Fact]
    public void Require_WhenTokenIsAhead_ThrowsStateTooOld()
    {
        var error = Assert.Throws<GovAuthZException>(() => ConsistencyToken.Require("rev:5", 4));

        Assert.Equal(ErrorCode.DecisionStateTooOld, error.Code);
        Assert.Contains("revision 5", error.Detail, StringComparison.Ordinal);
        Assert.Contains("serves revision 4", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("rev:")]
    [InlineData("rev:-1")]
    [InlineData("rev:0")]
    [InlineData("rev:1x")]
    [InlineData("rev: 1")]
    [InlineData("REV:1")]
    public void Require_WhenTokenIsNotOurs_ThrowsInvalidRequest(string token)
    {
        var error = Assert.Throws<GovAuthZException>(() => ConsistencyToken.Require(token, 9));

        Assert.Equal(ErrorCode.DecisionInvalidRequest, error.Code);
    }

    [Fact]
    public void Require_WhenTokenAccepted_AllocatesNothing()
    {
        ConsistencyToken.Require("rev:3", 3);
        var before = GC.GetAllocatedBytesForCurrentThread();

        ConsistencyToken.Require("rev:3", 3);
        ConsistencyToken.Require(string.Empty, 3);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
