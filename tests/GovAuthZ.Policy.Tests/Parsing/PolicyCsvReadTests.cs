using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Tests.Parsing;

public sealed class PolicyCsvReadTests
{
    private const string File = "policy.csv";

    [Fact]
    public void Read_WhenCasbinStyleLines_SplitsTypeAndTrimmedFields()
    {
        var lines = PolicyCsv.Read("p, alice, data1, read\ng,bob ,  admin\t\n", File);

        Assert.Equal(2, lines.Count);
        Assert.Equal("p", lines[0].Type);
        Assert.Equal(["alice", "data1", "read"], lines[0].Fields);
        Assert.Equal("g", lines[1].Type);
        Assert.Equal(["bob", "admin"], lines[1].Fields);
    }

    [Fact]
    public void Read_WhenLinesAreIndented_LocatesEachAtItsFirstCharacter()
    {
        var lines = PolicyCsv.Read("p, a, b\n\n   p2, c\n", File);

        Assert.Equal(new SourceLocation(File, 1, 1), lines[0].Location);
        Assert.Equal(new SourceLocation(File, 3, 4), lines[1].Location);
    }

    [Fact]
    public void Read_WhenFieldIsQuoted_KeepsCommasQuotesAndInnerSpaces()
    {
        var lines = PolicyCsv.Read("p,  \"a, b\" , \"say \"\"hi\"\"\",\" x \"\n", File);

        Assert.Equal(["a, b", "say \"hi\"", " x "], lines[0].Fields);
    }

    [Fact]
    public void Read_WhenQuotedFieldSpansLines_KeepsLineBreaksAndCountsLines()
    {
        var lines = PolicyCsv.Read("p, \"one\ntwo\r\nthree\", x\np, next\n", File);

        Assert.Equal(["one\ntwo\r\nthree", "x"], lines[0].Fields);
        Assert.Equal(new SourceLocation(File, 4, 1), lines[1].Location);
    }

    [Fact]
    public void Read_WhenFieldsAreEmpty_KeepsThemAsEmptyStrings()
    {
        var lines = PolicyCsv.Read("p, , \"\",\np,x,", File);

        Assert.Equal(["", "", ""], lines[0].Fields);
        Assert.Equal(["x", ""], lines[1].Fields);
    }

    [Fact]
    public void Read_WhenLineStartsWithHashAfterSpaces_TreatsItAsAComment()
    {
        var lines = PolicyCsv.Read("# header\n   # indented, comment\np, a#b, \"#c\"\n#p, hidden\n", File);

        var line = Assert.Single(lines);
        Assert.Equal(["a#b", "#c"], line.Fields);
        Assert.Equal(3, line.Location.Line);
    }

    [Fact]
    public void Read_WhenFirstFieldIsAQuotedHash_IsARuleNotAComment()
    {
        var line = Assert.Single(PolicyCsv.Read("\"#p\", a\n", File));

        Assert.Equal("#p", line.Type);
    }

    [Fact]
    public void Read_WhenBlankAndWhitespaceOnlyLines_SkipsThem()
    {
        var lines = PolicyCsv.Read("\n   \n\t\np, a\n\n \n", File);

        var line = Assert.Single(lines);
        Assert.Equal(4, line.Location.Line);
    }

    [Fact]
    public void Read_WhenCrLfOrLoneCrLineEndings_ReadsTheSameAsLf()
    {
        var lines = PolicyCsv.Read("p, a, b\r\np, c, d\rp, e, f", File);

        Assert.Equal(3, lines.Count);
        Assert.Equal(["e", "f"], lines[2].Fields);
        Assert.Equal(new SourceLocation(File, 3, 1), lines[2].Location);
    }

    [Fact]
    public void Read_WhenTextStartsWithABom_IgnoresIt()
    {
        var line = Assert.Single(PolicyCsv.Read("\uFEFFp, a", File));

        Assert.Equal("p", line.Type);
        Assert.Equal(new SourceLocation(File, 1, 1), line.Location);
    }

    [Fact]
    public void Read_WhenTypeRepeats_ReusesOneStringInstance()
    {
        var lines = PolicyCsv.Read("p, a\np, b\ng, c, d\np, e\n", File);

        Assert.Same(lines[0].Type, lines[1].Type);
        Assert.Equal("p", lines[3].Type);
    }

    [Fact]
    public void Read_WhenQuoteIsNeverClosed_ThrowsAtWhereTheQuoteStarted()
    {
        var error = Assert.Throws<GovAuthZException>(() => PolicyCsv.Read("p, a\np, b,  \"open\nmore\n", File));

        AssertError(error, 2, 8);
        Assert.Contains("unterminated", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenTextFollowsAClosingQuote_ThrowsAtThatText()
    {
        var error = Assert.Throws<GovAuthZException>(() => PolicyCsv.Read("p, \"a\"  b, c\n", File));

        AssertError(error, 1, 9);
    }

    [Fact]
    public void Read_WhenQuoteAppearsInsideAnUnquotedField_ThrowsAtTheQuote()
    {
        var error = Assert.Throws<GovAuthZException>(() => PolicyCsv.Read("p, ab\"c\n", File));

        AssertError(error, 1, 6);
    }

    [Theory]
    [InlineData(", alice, read", 1, 1)]
    [InlineData("  \"\" , alice", 1, 3)]
    [InlineData("p, a\n   , b", 2, 4)]
    public void Read_WhenTypeIsEmpty_ThrowsAtTheLine(string text, int line, int column)
    {
        var error = Assert.Throws<GovAuthZException>(() => PolicyCsv.Read(text, File));

        AssertError(error, line, column);
        Assert.Contains("empty type", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p", 1)]
    [InlineData("p   \n", 1)]
    [InlineData("  \"p\"  \r\n", 3)]
    public void Read_WhenLineHasOnlyAType_ThrowsAtTheLine(string text, int column)
    {
        var error = Assert.Throws<GovAuthZException>(() => PolicyCsv.Read(text, File));

        AssertError(error, 1, column);
        Assert.Contains("no fields", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenStreaming_YieldsRulesBeforeTheLineThatFails()
    {
        using var reader = new StringReader("p, a\np, b\np, \"c\n");
        var seen = new List<string>();

        var error = Assert.Throws<GovAuthZException>(() =>
        {
            foreach (var line in PolicyCsv.Read(reader, File))
            {
                seen.Add(line.Fields[0]);
            }
        });

        Assert.Equal(["a", "b"], seen);
        AssertError(error, 3, 4);
    }

    [Fact]
    public void Read_WhenValuesRepeat_SharesOneStringPerValue()
    {
        var lines = PolicyCsv.Read("p, admin, data1, read\np, admin, data2, read\ng, alice, admin\n", File);

        Assert.Same(lines[0].Fields[0], lines[1].Fields[0]);
        Assert.Same(lines[0].Fields[2], lines[1].Fields[2]);
        Assert.Same(lines[0].Fields[0], lines[2].Fields[1]);
        Assert.Same(lines[0].Type, lines[1].Type);
        Assert.Equal(["admin", "data2", "read"], lines[1].Fields);
    }

    [Fact]
    public void Read_WhenTextIsEmpty_ReturnsNoRules()
    {
        Assert.Empty(PolicyCsv.Read(string.Empty, File));
        Assert.Empty(PolicyCsv.Read("\uFEFF", File));
    }

    private static void AssertError(GovAuthZException error, int line, int column)
    {
        Assert.Equal(ErrorCode.PolicySyntax, error.Code);
        Assert.Equal(new SourceLocation(File, line, column), error.Location);
    }
}
