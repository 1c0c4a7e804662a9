using System.Globalization;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Tests.Parsing;

public sealed class PolicyCsvWriteTests
{
    [Fact]
    public void Write_WhenPlainFields_JoinsWithCommaSpaceAndEndsEveryLineWithLf()
    {
        var text = PolicyCsv.Write([Line("p", "alice", "data1", "read"), Line("g", "bob", "admin")]);

        Assert.Equal("p, alice, data1, read\ng, bob, admin\n", text);
    }

    [Fact]
    public void Write_WhenNoLines_ReturnsEmptyText()
    {
        Assert.Equal(string.Empty, PolicyCsv.Write([]));
    }

    [Fact]
    public void Write_WhenWriterUsesCrLfNewLine_StillWritesLf()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

        PolicyCsv.Write(writer, [Line("p", "a"), Line("p", "b")]);

        Assert.Equal("p, a\np, b\n", writer.ToString());
    }

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData(" lead", "\" lead\"")]
    [InlineData("trail ", "\"trail \"")]
    [InlineData("\ttab", "\"\ttab\"")]
    [InlineData("nbsp\u00A0", "\"nbsp\u00A0\"")]
    [InlineData("a\nb", "\"a\nb\"")]
    [InlineData("a\rb", "\"a\rb\"")]
    [InlineData("#x", "\"#x\"")]
    [InlineData("\uFEFFx", "\"\uFEFFx\"")]
    public void Write_WhenFieldWouldChangeIfReadUnquoted_QuotesIt(string field, string written)
    {
        Assert.Equal($"p, {written}\n", PolicyCsv.Write([Line("p", field)]));
    }

    [Theory]
    [InlineData("a#b")]
    [InlineData("a b")]
    [InlineData("a;b")]
    [InlineData("数据-é")]
    [InlineData("/api/*")]
    public void Write_WhenFieldReadsBackUnchanged_LeavesItUnquoted(string field)
    {
        Assert.Equal($"p, {field}\n", PolicyCsv.Write([Line("p", field)]));
    }

    [Fact]
    public void Write_WhenTypeNeedsQuotes_QuotesTheType()
    {
        Assert.Equal("\"#p\", a\n", PolicyCsv.Write([Line("#p", "a")]));
    }

    [Fact]
    public void Write_WhenTypeIsEmpty_Throws()
    {
        Assert.Throws<ArgumentException>(() => PolicyCsv.Write([Line(string.Empty, "a")]));
    }

    [Fact]
    public void Write_WhenLineHasNoFields_Throws()
    {
        Assert.Throws<ArgumentException>(() => PolicyCsv.Write([Line("p")]));
    }

    [Fact]
    public void Write_WhenAFieldIsNull_Throws()
    {
        Assert.Throws<ArgumentException>(() => PolicyCsv.Write([new PolicyLine("p", ["a", null!], default)]));
    }

    [Fact]
    public void ToString_WhenLineHasFields_IsTheCsvLineWithoutTerminator()
    {
        Assert.Equal("p, alice, \"a,b\"", Line("p", "alice", "a,b").ToString());
    }

    [Fact]
    public void Equals_WhenSameRuleFromDifferentLocations_IsTrue()
    {
        var first = new PolicyLine("p", ["a", "b"], new SourceLocation("x.csv", 1, 1));
        var second = new PolicyLine("p", ["a", "b"], new SourceLocation("y.csv", 9, 3));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equals_WhenFieldsDiffer_IsFalse()
    {
        Assert.NotEqual(Line("p", "a", "b"), Line("p", "a", "c"));
        Assert.NotEqual(Line("p", "a"), Line("p", "a", ""));
        Assert.NotEqual(Line("p", "a"), Line("p2", "a"));
    }

    private static PolicyLine Line(string type, params string[] fields) => new(type, fields, SourceLocation.None);
}
