using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Tests.Parsing;

public sealed class ModelDefinitionTests
{
    private const string File = "model.conf";

    private const string Multi =
        "[request_definition]\n" +
        "r = sub, obj, act\n" +
        "r2 = sub, dom, obj, act\n" +
        "[policy_definition]\n" +
        "p = sub, obj, act\n" +
        "p2 = priority, sub, dom, obj, act, eft\n" +
        "[role_definition]\n" +
        "g = _, _\n" +
        "g2 = _, _, _\n" +
        "[policy_effect]\n" +
        "e = some(where (p.eft == allow))\n" +
        "e2 = priority(p2.eft) || deny\n" +
        "[matchers]\n" +
        "m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act\n" +
        "m2 = g2(r2.sub, p2.sub, r2.dom) && \\\n" +
        "     r2.obj == p2.obj\n";

    [Fact]
    public void From_WhenSeveralDefinitionsPerSection_KeepsEachByKey()
    {
        var model = ModelDefinition.Parse(Multi, File);

        Assert.Equal(["sub", "obj", "act"], model.Requests["r"].Tokens.ToArray());
        Assert.Equal(["sub", "dom", "obj", "act"], model.Requests["r2"].Tokens.ToArray());
        Assert.Equal(["sub", "obj", "act"], model.Policies["p"].Tokens.ToArray());
        Assert.Equal(EffectKind.AllowOverride, model.Effects["e"].Kind);
        Assert.Equal(EffectKind.Priority, model.Effects["e2"].Kind);
        Assert.Equal("p2", model.Effects["e2"].PolicyKey);
        Assert.Equal("g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act", model.Matchers["m"].Expression);
        Assert.Equal("g2(r2.sub, p2.sub, r2.dom) && r2.obj == p2.obj", model.Matchers["m2"].Expression);
        Assert.Equal(File, model.FileName);
    }

    [Fact]
    public void From_WhenPolicyHasEftAndPriority_KnowsTheirIndexes()
    {
        var model = ModelDefinition.Parse(Multi, File);

        Assert.Equal(5, model.Policies["p2"].EffectIndex);
        Assert.Equal(0, model.Policies["p2"].PriorityIndex);
        Assert.Equal(-1, model.Policies["p"].EffectIndex);
        Assert.Equal(-1, model.Policies["p"].PriorityIndex);
        Assert.Equal(2, model.Policies["p2"].IndexOf("dom"));
    }

    [Fact]
    public void From_WhenRolesHaveTwoOrThreeFields_SetsArityAndDomain()
    {
        var model = ModelDefinition.Parse(Multi, File);

        Assert.Equal(2, model.Roles["g"].Arity);
        Assert.False(model.Roles["g"].HasDomain);
        Assert.Equal(3, model.Roles["g2"].Arity);
        Assert.True(model.Roles["g2"].HasDomain);
    }

    [Fact]
    public void From_WhenNoRoleDefinition_HasNoRoles()
    {
        var text = Multi.Replace("[role_definition]\ng = _, _\ng2 = _, _, _\n", string.Empty, StringComparison.Ordinal);

        var model = ModelDefinition.Parse(text, File);

        Assert.Empty(model.Roles);
    }

    [Fact]
    public void LocationOf_WhenKeyIsDefined_ReturnsWhereItsValueStarts()
    {
        var model = ModelDefinition.Parse(Multi, File);

        Assert.Equal(new SourceLocation(File, 3, 6), model.LocationOf("r2"));
        Assert.Equal(new SourceLocation(File, 9, 6), model.LocationOf("g2"));
        Assert.Equal(new SourceLocation(File, 12, 6), model.LocationOf("e2"));
        Assert.Equal(model.Matchers["m2"].Location, model.LocationOf("m2"));
        Assert.Equal(new SourceLocation(File, 16, 6), model.Matchers["m2"].LocationAt(30));
    }

    [Fact]
    public void LocationOf_WhenKeyIsUnknown_Throws()
    {
        var model = ModelDefinition.Parse(Multi, File);

        Assert.Throws<KeyNotFoundException>(() => model.LocationOf("p9"));
        Assert.False(model.TryGetLocation("p9", out _));
    }

    [Theory]
    [InlineData("r = sub, obj, act", "x = sub, obj, act", 2, 1)]
    [InlineData("r = sub, obj, act", "p = sub, obj, act", 2, 1)]
    [InlineData("p = sub, obj, act", "r3 = sub", 5, 1)]
    [InlineData("g = _, _", "G = _, _", 8, 1)]
    [InlineData("e = some", "m3 = some", 11, 1)]
    [InlineData("m = g(r.sub", "e9 = g(r.sub", 14, 1)]
    public void From_WhenKeyHasTheWrongLetter_ThrowsInvalidDefinitionAtTheKey(
        string original, string replacement, int line, int column)
    {
        var text = Multi.Replace(original, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<GovAuthZException>(() => ModelDefinition.Parse(text, File));

        ModelParserTests.AssertError(error, ErrorCode.ModelInvalidDefinition, line, column);
    }

    [Theory]
    [InlineData("r2 = sub, dom", "r1 = sub, dom")]
    [InlineData("r2 = sub, dom", "r02 = sub, dom")]
    [InlineData("r2 = sub, dom", "r_2 = sub, dom")]
    public void From_WhenKeyNumberIsMalformed_ThrowsInvalidDefinition(string original, string replacement)
    {
        var text = Multi.Replace(original, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<GovAuthZException>(() => ModelDefinition.Parse(text, File));

        ModelParserTests.AssertError(error, ErrorCode.ModelInvalidDefinition, 3, 1);
    }

    [Fact]
    public void From_WhenKeysSkipANumber_ThrowsInvalidDefinitionAtTheKeyAfterTheGap()
    {
        var text = Multi.Replace("g2 = _, _, _", "g3 = _, _, _", StringComparison.Ordinal);

        var error = Assert.Throws<GovAuthZException>(() => ModelDefinition.Parse(text, File));

        ModelParserTests.AssertError(error, ErrorCode.ModelInvalidDefinition, 9, 1);
        Assert.Contains("'g2'", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r = sub, obj, act", "r = sub, 1obj, act", 2, 10)]
    [InlineData("r = sub, obj, act", "r = sub,, act", 2, 9)]
    [InlineData("r = sub, obj, act", "r = sub, obj, sub", 2, 15)]
    [InlineData("p = sub, obj, act", "p = sub, o-bj, act", 5, 10)]
    [InlineData("p = sub, obj, act", "p = sub, obj, act,", 5, 19)]
    public void From_WhenTokenIsInvalid_ThrowsInvalidDefinitionAtTheToken(
        string original, string replacement, int line, int column)
    {
        var text = Multi.Replace(original, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<GovAuthZException>(() => ModelDefinition.Parse(text, File));

        ModelParserTests.AssertError(error, ErrorCode.ModelInvalidDefinition, line, column);
    }

    [Fact]
    public void From_WhenRoleHasFourFields_AcceptsArityFour()
    {
        var text = Multi.Replace("g2 = _, _, _", "g2 = _,_,_,_", StringComparison.Ordinal);

        var model = ModelDefinition.Parse(text, File);

        Assert.Equal(4, model.Roles["g2"].Arity);
        Assert.True(model.Roles["g2"].HasDomain);
    }

    [Theory]
    [InlineData("g = _", 8, 5)]
    [InlineData("g = _, sub", 8, 8)]
    [InlineData("g = _, _, (_, _)", 8, 11)]
    [InlineData("g = _ _", 8, 5)]
    public void From_WhenRoleShapeIsUnsupported_ThrowsInvalidDefinition(string replacement, int line, int column)
    {
        var text = Multi.Replace("g = _, _", replacement, StringComparison.Ordinal);

        var error = Assert.Throws<GovAuthZException>(() => ModelDefinition.Parse(text, File));

        ModelParserTests.AssertError(error, ErrorCode.ModelInvalidDefinition, line, column);
    }
}
