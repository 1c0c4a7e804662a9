using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy.Tests.Functions;

public sealed class ConsentFunctionTests
{
    private const string Model = """
        [request_definition]
        r = sub, citizen, obj, purpose
        [policy_definition]
        p = sub, obj, purpose
        [policy_effect]
        e = some(where (p.eft == allow))
        [matchers]
        m = r.sub == p.sub && r.obj == p.obj && r.purpose == p.purpose && consent(r.citizen, r.sub, r.purpose, r.obj)
        """;

    private const string Policy = "p, civil_affairs_app, household_registry, social_assistance\n";

    [Fact]
    public void Enforce_WhenCheckerGrantsConsent_Allows()
    {
        var enforcer = Create(new FakeConsent("c1"));

        Assert.True(enforcer.Enforce("civil_affairs_app", "c1", "household_registry", "social_assistance"));
        Assert.False(enforcer.Enforce("civil_affairs_app", "c2", "household_registry", "social_assistance"));
    }

    [Fact]
    public void Enforce_WhenNoConsentStoreConfigured_DeniesWithError()
    {
        var enforcer = Enforcer.FromText(Model, Policy);

        var outcome = enforcer.Decide(["civil_affairs_app", "c1", "household_registry", "social_assistance"]);

        Assert.False(outcome.Allowed);
        Assert.Equal(ErrorCode.EvalFunctionFailed, outcome.Error!.Code);
    }

    [Fact]
    public void Enforce_WhenConsentGetsWrongArity_DeniesWithError()
    {
        var model = Model.Replace("consent(r.citizen, r.sub, r.purpose, r.obj)", "consent(r.citizen, r.sub)", StringComparison.Ordinal);
        var enforcer = Enforcer.FromText(model, Policy, new EnforcerOptions { Functions = FunctionRegistry.CreateDefault().RegisterConsent(new FakeConsent("c1")) });

        var outcome = enforcer.Decide(["civil_affairs_app", "c1", "household_registry", "social_assistance"]);

        Assert.Equal(ErrorCode.EvalBadArgument, outcome.Error!.Code);
    }

    private static Enforcer Create(IConsentChecker checker) =>
        Enforcer.FromText(Model, Policy, new EnforcerOptions { Functions = FunctionRegistry.CreateDefault().RegisterConsent(checker) });

    private sealed class FakeConsent(string citizen) : IConsentChecker
    {
        public bool HasConsent(string citizen1, string recipient, string purpose, string dataset) =>
            citizen1 == citizen && recipient == "civil_affairs_app" && purpose == "social_assistance" && dataset == "household_registry";
    }
}
