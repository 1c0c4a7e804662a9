using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Tests.Parsing;

public sealed class EffectParserTests
{
    private const string File = "model.conf";

    [Theory]
    [InlineData("some(where (p.eft == allow))", "AllowOverride")]
    [InlineData("some(where(p.eft==allow))", "AllowOverride")]
    [InlineData("  some ( where ( p.eft  ==  allow ) )  ", "AllowOverride")]
    [InlineData("!some(where (p.eft == deny))", "DenyOverride")]
    [InlineData("! some(where(p.eft==deny))", "DenyOverride")]
    [InlineData("some(where (p.eft == allow)) && !some(where (p.eft == deny))", "AllowAndDeny")]
    [InlineData("some(where(p.eft==allow))&&!some(where(p.eft==deny))", "AllowAndDeny")]
    [InlineData("priority(p.eft) || deny", "Priority")]
    [InlineData("priority(p.eft)||deny", "Priority")]
    [InlineData("subjectPriority(p.eft) || deny", "SubjectPriority")]
    [InlineData("subjectPriority( p.eft ) ||deny", "SubjectPriority")]
    [InlineData("some(where (p_eft == allow))", "AllowOverride")]
    public void Parse_WhenEffectIsADocumentedForm_RecognisesIt(string expression, string expected)
    {
        var model = ModelDefinition.Parse(Model($"e = {expression}"), File);

        Assert.Equal(Enum.Parse<EffectKind>(expected), model.Effects["e"].Kind);
        Assert.Equal("p", model.Effects["e"].PolicyKey);
    }

    [Fact]
    public void Parse_WhenEffectReadsAnotherDefinedPolicy_RecordsThatPolicyKey()
    {
        var text = Model("e = some(where (p.eft == allow))\ne2 = some(where (p2.eft == allow)) && !some(where (p2.eft == deny))");

        var effect = ModelDefinition.Parse(text, File).Effects["e2"];

        Assert.Equal(EffectKind.AllowAndDeny, effect.Kind);
        Assert.Equal("p2", effect.PolicyKey);
    }

    [Fact]
    public void Parse_WhenEffectReadsAnUndefinedPolicy_ThrowsUnsupportedEffectAtTheValue()
    {
        var error = Assert.Throws<GovAuthZException>(
            () => ModelDefinition.Parse(Model("e =  priority(p3.eft) || deny"), File));

        ModelParserTests.AssertError(error, ErrorCode.ModelUnsupportedEffect, 7, 6);
        Assert.Contains("p3", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenEffectMixesPolicyKeys_ThrowsUnsupportedEffect()
    {
        var error = Assert.Throws<GovAuthZException>(() => ModelDefinition.Parse(
            Model("e = some(where (p.eft == allow)) && !some(where (p2.eft == deny))"), File));

        ModelParserTests.AssertError(error, ErrorCode.ModelUnsupportedEffect, 7, 5);
    }

    [Theory]
    [InlineData("some(where (p.eft == deny))")]
    [InlineData("!some(where (p.eft == allow))")]
    [InlineData("some(where (p.eft == al low))")]
    [InlineData("all(where (p.eft == allow))")]
    [InlineData("priority(p.eft) || allow")]
    [InlineData("priority(p.eft)")]
    [InlineData("some(where (p.eft == allow)) || !some(where (p.eft == deny))")]
    [InlineData("some(where (p.act == allow))")]
    [InlineData("subjectpriority(p.eft) || deny")]
    public void Parse_WhenEffectIsNotADocumentedForm_ThrowsUnsupportedEffectAtTheValue(string expression)
    {
        var error = Assert.Throws<GovAuthZException>(() => ModelDefinition.Parse(Model($"e = {expression}"), File));

        ModelParserTests.AssertError(error, ErrorCode.ModelUnsupportedEffect, 7, 5);
    }

    private static string Model(string effects) =>
        "[request_definition]\n" +
        "r = sub, obj, act\n" +
        "[policy_definition]\n" +
        "p = sub, obj, act, eft\n" +
        "p2 = sub, obj, act, eft\n" +
        "[policy_effect]\n" +
        effects + "\n" +
        "[matchers]\n" +
        "m = r.sub == p.sub\n";
}
