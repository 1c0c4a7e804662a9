using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Evaluation;

public sealed class ValueTests
{
    [Fact]
    public void Equals_WhenStringAndNumberLookAlike_IsFalse()
    {
        Assert.NotEqual(Value.FromString("18"), Value.FromNumber(18));
    }

    [Fact]
    public void Equals_WhenSameStringContent_IsTrue()
    {
        Assert.Equal(Value.FromString(new string('a', 3)), Value.FromString("aaa"));
    }

    [Fact]
    public void ToString_WhenNumber_UsesInvariantRoundTripFormat()
    {
        Assert.Equal("3.5", Value.FromNumber(3.5).ToString());
    }
}
