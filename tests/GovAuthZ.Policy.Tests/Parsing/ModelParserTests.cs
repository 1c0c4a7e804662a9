using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Tests.Parsing;

public sealed class ModelParserTests
{
    private const string File = "model.conf";

    private const string Basic =
        "[request_definition]\n" +
        "r = sub, obj, act\n" +
        "\n" +
        "[policy_definition]\n" +
        "p = sub, obj, act\n" +
        "\n" +
        "[policy_effect]\n" +
        "e = some(where (p.eft == allow))\n" +
        "\n" +
        "[matchers]\n" +
        "m = r.sub == p.sub && r.obj == p.obj && r.act == p.act\n";

    [Fact]
    public void Parse_WhenBasicModel_KeepsSectionsInOrderWithValues()
    {
        var document = ModelParser.Parse(Basic, File);

        Assert.Equal(
            ["request_definition", "policy_definition", "policy_effect", "matchers"],
            document.Sections.Select(s => s.Name));
        Assert.Equal("sub, obj, act", document.FindSection("request_definition")!.Find("r")!.Value);
        Assert.Equal("some(where (p.eft == allow))", document.FindSection("policy_effect")!.Find("e")!.Value);
        Assert.Equal(File, document.FileName);
    }

    [Fact]
    public void Parse_WhenAssignment_LocationIsColumnOfValueAndKeyLocationIsColumnOfKey()
    {
        var text = Basic.Replace("r = sub, obj, act", "  r   =   sub, obj, act", StringComparison.Ordinal);

        var r = ModelParser.Parse(text, File).FindSection("request_definition")!.Find("r")!;

        Assert.Equal(new SourceLocation(File, 2, 11), r.Location);
        Assert.Equal(new SourceLocation(File, 2, 3), r.KeyLocation);
        Assert.Equal("sub, obj, act", r.Value);
    }

    [Fact]
    public void Parse_WhenValueContainsEquals_SplitsAtTheFirstEquals()
    {
        var m = ModelParser.Parse(Basic, File).FindSection("matchers")!.Find("m")!;

        Assert.Equal("r.sub == p.sub && r.obj == p.obj && r.act == p.act", m.Value);
        Assert.Equal(new SourceLocation(File, 11, 5), m.Location);
    }

    [Fact]
    public void Parse_WhenCrLfAndBom_ReadsTheSameAsLf()
    {
        var crlf = "\uFEFF" + Basic.Replace("\n", "\r\n", StringComparison.Ordinal);

        var document = ModelParser.Parse(crlf, File);

        var r = document.FindSection("request_definition")!.Find("r")!;
        Assert.Equal("sub, obj, act", r.Value);
        Assert.Equal(new SourceLocation(File, 2, 5), r.Location);
        Assert.Equal(new SourceLocation(File, 11, 5), document.FindSection("matchers")!.Find("m")!.Location);
    }

    [Fact]
    public void Parse_WhenCommentLinesStartWithHashOrSemicolon_SkipsThem()
    {
        var text = "# model\n; another comment\n   # indented\n" + Basic.Replace(
            "[matchers]\n", "[matchers]\n# m = not this\n; m = nor this\n", StringComparison.Ordinal);

        var m = ModelParser.Parse(text, File).FindSection("matchers")!;

        Assert.Single(m.Assignments);
        Assert.Equal("r.sub == p.sub && r.obj == p.obj && r.act == p.act", m.Assignments[0].Value);
        Assert.Equal(16, m.Assignments[0].Location.Line);
    }

    [Fact]
    public void Parse_WhenCommentFollowsValue_CutsTheValueThere()
    {
        var text = Basic.Replace("r = sub, obj, act", "r = sub, obj, act   # the classic triple", StringComparison.Ordinal)
            .Replace("[matchers]", "[matchers] ; matchers", StringComparison.Ordinal);

        var document = ModelParser.Parse(text, File);

        Assert.Equal("sub, obj, act", document.FindSection("request_definition")!.Find("r")!.Value);
        Assert.NotNull(document.FindSection("matchers"));
    }

    [Fact]
    public void Parse_WhenHashOrSemicolonIsInsideAQuotedLiteral_KeepsIt()
    {
        var text = Basic.Replace(
            "m = r.sub == p.sub && r.obj == p.obj && r.act == p.act",
            "m = r.obj == 'a#b;c' && r.sub == \"x#\" # trailing",
            StringComparison.Ordinal);

        var m = ModelParser.Parse(text, File).FindSection("matchers")!.Find("m")!;

        Assert.Equal("r.obj == 'a#b;c' && r.sub == \"x#\"", m.Value);
    }

    [Fact]
    public void Parse_WhenLineEndsWithBackslash_JoinsWithOneSpaceAndLocatesAtFirstLine()
    {
        var text = Basic.Replace(
            "m = r.sub == p.sub && r.obj == p.obj && r.act == p.act",
            "m = r.sub == p.sub \\\n    && r.obj == p.obj\\\n  && r.act == p.act",
            StringComparison.Ordinal);

        var m = ModelParser.Parse(text, File).FindSection("matchers")!.Find("m")!;

        Assert.Equal("r.sub == p.sub && r.obj == p.obj && r.act == p.act", m.Value);
        Assert.Equal(new SourceLocation(File, 11, 5), m.Location);
    }

    [Fact]
    public void LocationAt_WhenValueIsContinued_MapsOffsetsToTheirPhysicalLines()
    {
        var text = Basic.Replace(
            "m = r.sub == p.sub && r.obj == p.obj && r.act == p.act",
            "m = r.sub == p.sub \\\n    && r.obj == p.obj\\\n  && r.act == p.act",
            StringComparison.Ordinal);

        var m = ModelParser.Parse(text, File).FindSection("matchers")!.Find("m")!;

        var second = m.Value.IndexOf("&& r.obj", StringComparison.Ordinal);
        var third = m.Value.IndexOf("r.act", StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(File, 11, 9), m.LocationAt(4));
        Assert.Equal(new SourceLocation(File, 12, 5), m.LocationAt(second));
        Assert.Equal(new SourceLocation(File, 13, 6), m.LocationAt(third));
    }

    [Fact]
    public void Parse_WhenValueStartsOnTheContinuationLine_LocatesAtThatLine()
    {
        var text = Basic.Replace("m = r.sub", "m = \\\n   r.sub", StringComparison.Ordinal);

        var m = ModelParser.Parse(text, File).FindSection("matchers")!.Find("m")!;

        Assert.StartsWith("r.sub == p.sub", m.Value, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(File, 12, 4), m.Location);
    }

    [Fact]
    public void Parse_WhenContinuationIsFollowedByABlankLine_EndsTheValue()
    {
        var text = Basic.Replace("r = sub, obj, act", "r = sub, obj, act \\", StringComparison.Ordinal);

        var r = ModelParser.Parse(text, File).FindSection("request_definition")!.Find("r")!;

        Assert.Equal("sub, obj, act", r.Value);
    }

    [Fact]
    public void Parse_WhenSectionIsReopened_MergesItsKeys()
    {
        var text = Basic + "[request_definition]\nr2 = sub, act\n";

        var document = ModelParser.Parse(text, File);

        Assert.Equal(4, document.Sections.Length);
        Assert.Equal(["r", "r2"], document.FindSection("request_definition")!.Assignments.Select(a => a.Key));
    }

    [Fact]
    public void Parse_WhenRoleDefinitionIsAbsent_Succeeds()
    {
        var document = ModelParser.Parse(Basic, File);

        Assert.Null(document.FindSection("role_definition"));
    }

    [Fact]
    public void Parse_WhenTextPrecedesAnySection_ThrowsSyntaxAtThatText()
    {
        var error = Assert.Throws<GovAuthZException>(() => ModelParser.Parse("\n  r = sub\n" + Basic, File));

        AssertError(error, ErrorCode.ModelSyntax, 2, 3);
    }

    [Fact]
    public void Parse_WhenLineHasNoEquals_ThrowsSyntaxAtTheLine()
    {
        var text = Basic.Replace("p = sub, obj, act", "p = sub, obj, act\n    sub obj act", StringComparison.Ordinal);

        var error = Assert.Throws<GovAuthZException>(() => ModelParser.Parse(text, File));

        AssertError(error, ErrorCode.ModelSyntax, 6, 5);
    }

    [Fact]
    public void Parse_WhenKeyIsMissing_ThrowsSyntaxAtTheLine()
    {
        var text = Basic.Replace("p = sub", "  = sub", StringComparison.Ordinal);

        var error = Assert.Throws<GovAuthZException>(() => ModelParser.Parse(text, File));

        AssertError(error, ErrorCode.ModelSyntax, 5, 3);
    }

    [Fact]
    public void Parse_WhenKeyIsRepeatedInASection_ThrowsDuplicateKeyAtTheSecondKey()
    {
        var text = Basic.Replace("p = sub, obj, act", "p = sub, obj, act\n p = sub, act", StringComparison.Ordinal);

        var error = Assert.Throws<GovAuthZException>(() => ModelParser.Parse(text, File));

        AssertError(error, ErrorCode.ModelDuplicateKey, 6, 2);
        Assert.Contains("line 5", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenReopenedSectionRepeatsAKey_ThrowsDuplicateKey()
    {
        var error = Assert.Throws<GovAuthZException>(
            () => ModelParser.Parse(Basic + "\n[policy_definition]\np = sub\n", File));

        AssertError(error, ErrorCode.ModelDuplicateKey, 14, 1);
    }

    [Fact]
    public void Parse_WhenSectionNameIsUnknown_ThrowsUnknownSectionAtTheName()
    {
        var error = Assert.Throws<GovAuthZException>(() => ModelParser.Parse(Basic + "[ constraints ]\n", File));

        AssertError(error, ErrorCode.ModelUnknownSection, 12, 3);
    }

    [Fact]
    public void Parse_WhenHeaderHasNoClosingBracket_ThrowsSyntax()
    {
        var error = Assert.Throws<GovAuthZException>(() => ModelParser.Parse(Basic + "  [matchers\n", File));

        AssertError(error, ErrorCode.ModelSyntax, 12, 3);
    }

    [Fact]
    public void Parse_WhenValueIsEmpty_ThrowsSyntaxJustAfterTheEquals()
    {
        var text = Basic.Replace("p = sub, obj, act", "p =   # nothing", StringComparison.Ordinal);

        var error = Assert.Throws<GovAuthZException>(() => ModelParser.Parse(text, File));

        AssertError(error, ErrorCode.ModelSyntax, 5, 4);
    }

    [Theory]
    [InlineData("request_definition")]
    [InlineData("policy_definition")]
    [InlineData("policy_effect")]
    [InlineData("matchers")]
    public void Parse_WhenRequiredSectionIsMissing_ThrowsMissingSection(string section)
    {
        var text = RemoveSection(Basic, section);

        var error = Assert.Throws<GovAuthZException>(() => ModelParser.Parse(text, File));

        Assert.Equal(ErrorCode.ModelMissingSection, error.Code);
        Assert.Equal(File, error.Location.File);
        Assert.Contains($"[{section}]", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenRequiredSectionHasNoDefinitions_ThrowsMissingSectionAtItsHeader()
    {
        var text = Basic.Replace("e = some(where (p.eft == allow))\n", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<GovAuthZException>(() => ModelParser.Parse(text, File));

        AssertError(error, ErrorCode.ModelMissingSection, 7, 1);
    }

    internal static void AssertError(GovAuthZException error, ErrorCode code, int line, int column)
    {
        Assert.Equal(code, error.Code);
        Assert.Equal(new SourceLocation(File, line, column), error.Location);
    }

    private static string RemoveSection(string text, string section)
    {
        var blocks = text.Split("\n\n");
        return string.Join("\n\n", blocks.Where(b => !b.StartsWith($"[{section}]", StringComparison.Ordinal)));
    }
}
