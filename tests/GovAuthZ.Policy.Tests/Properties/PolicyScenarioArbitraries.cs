using FsCheck;
using FsCheck.Fluent;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Properties;

/// <summary>
/// Random models, policies, role links and requests over a vocabulary small enough that rules, roles and
/// requests collide often. Matchers are built from the conjuncts the index understands (equalities either
/// way round, g() with and without domain) mixed with ones it must leave alone (negations, keyMatch,
/// disjunctions, nested groups, a top-level ||, a matcher reading no policy field). Requests include
/// values no rule names and, now and then, a number where the index expects a string.
/// </summary>
public static class PolicyScenarioArbitraries
{
    public const int MaxRules = 40;

    private static readonly string[] Effects =
    [
        "some(where (p.eft == allow))",
        "!some(where (p.eft == deny))",
        "some(where (p.eft == allow)) && !some(where (p.eft == deny))",
        "priority(p.eft) || deny",
        "subjectPriority(p.eft) || deny",
    ];

    // Users first, then roles: links only point from a name to a later role, so role graphs are acyclic.
    private static readonly string[] Names = ["u1", "u2", "u3", "u4", "r1", "r2", "r3"];
    private static readonly string[] Objects = ["o1", "o2", "o3", "o*"];
    private static readonly string[] Acts = ["read", "write"];
    private static readonly string[] Domains = ["d1", "d2"];
    private static readonly string[] RequestSubjects = ["u1", "u2", "u3", "u4", "r1", "r2", "r3", "root", "u9"];
    private static readonly string[] RequestDomains = ["d1", "d2", "d3"];
    private static readonly string[] RequestObjects = ["o1", "o2", "o3", "o4", "o*"];
    private static readonly string[] RequestActs = ["read", "write", "exec"];

    public static Arbitrary<PolicyScenario> PolicyScenario() => Arb.From(ScenarioGen(), Shrink);

    public static Gen<PolicyScenario> ScenarioGen() =>
        from hasDomain in Gen.Elements(false, true)
        from hasEffect in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from priority in Gen.Frequency((3, Gen.Constant(PriorityColumn.None)), (1, Gen.Constant(PriorityColumn.First)), (1, Gen.Constant(PriorityColumn.Last)))
        from effect in Gen.Elements(Effects)
        from matcher in MatcherGen(hasDomain)
        from ruleCount in Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, MaxRules)))
        from rules in Gen.ArrayOf(RuleGen(), ruleCount)
        from linkCount in Gen.Choose(0, 8)
        from links in Gen.ArrayOf(LinkGen(), linkCount)
        from requestCount in Gen.Choose(1, 5)
        from requests in Gen.ArrayOf(RequestGen(hasDomain), requestCount)
        select new PolicyScenario(hasDomain, hasEffect, priority, effect, matcher, rules, links, requests);

    private static Gen<string> MatcherGen(bool hasDomain) => Gen.Frequency(
        (12, ConjunctionGen(hasDomain, 2)),
        (2, from left in ConjunctionGen(hasDomain, 1)
            from right in ConjunctionGen(hasDomain, 1)
            select left + " || " + right),
        (1, Gen.Constant("r.sub == 'root'")));

    /// <summary>One to four terms joined by &amp;&amp;; deeper levels get groups and disjunctions.</summary>
    private static Gen<string> ConjunctionGen(bool hasDomain, int depth) =>
        from count in Gen.Choose(1, 4)
        from terms in Gen.ArrayOf(TermGen(hasDomain, depth), count)
        select string.Join(" && ", terms);

    private static Gen<string> TermGen(bool hasDomain, int depth)
    {
        var atom = Gen.Elements(Atoms(hasDomain));
        var withRoot = atom.Select(a => "(" + a + " || r.sub == 'root')");
        if (depth == 0)
        {
            return Gen.Frequency((6, atom), (1, withRoot));
        }

        var group = ConjunctionGen(hasDomain, depth - 1).Select(c => "(" + c + ")");
        var either =
            from left in ConjunctionGen(hasDomain, depth - 1)
            from right in ConjunctionGen(hasDomain, depth - 1)
            select "(" + left + " || " + right + ")";
        return Gen.Frequency((10, atom), (2, withRoot), (1, group), (1, either));
    }

    private static string[] Atoms(bool hasDomain) => hasDomain
        ? ["r.sub == p.sub", "g(r.sub, p.sub, r.dom)", "g(r.sub, p.sub, r.dom)", "r.obj == p.obj", "p.obj == r.obj",
            "r.act == p.act", "keyMatch(r.obj, p.obj)", "r.act != p.act", "r.dom == p.dom", "r.dom == p.dom"]
        : ["r.sub == p.sub", "g(r.sub, p.sub)", "g(r.sub, p.sub)", "r.obj == p.obj", "p.obj == r.obj",
            "r.act == p.act", "keyMatch(r.obj, p.obj)", "r.act != p.act"];

    private static Gen<ScenarioRule> RuleGen() =>
        from subject in Gen.Elements(Names)
        from domain in Gen.Elements(Domains)
        from obj in Gen.Elements(Objects)
        from act in Gen.Elements(Acts)
        from effect in Gen.Frequency((5, Gen.Constant("allow")), (3, Gen.Constant("deny")), (1, Gen.Constant("other")))
        from priority in Gen.Choose(-2, 3)
        select new ScenarioRule(subject, domain, obj, act, effect, priority);

    private static Gen<ScenarioLink> LinkGen() =>
        from role in Gen.Choose(4, Names.Length - 1)
        from member in Gen.Choose(0, role - 1)
        from domain in Gen.Elements(Domains)
        select new ScenarioLink(Names[member], Names[role], domain);

    private static Gen<Value[]> RequestGen(bool hasDomain) =>
        from subject in Gen.Elements(RequestSubjects)
        from domain in Gen.Elements(RequestDomains)
        from obj in Gen.Elements(RequestObjects)
        from act in Gen.Elements(RequestActs)
        from odd in Gen.Frequency((10, Gen.Constant(-1)), (1, Gen.Choose(0, hasDomain ? 3 : 2)))
        select WithNumberAt(hasDomain ? [subject, domain, obj, act] : [subject, obj, act], odd);

    /// <summary>The request, with the slot at <paramref name="odd"/> (if any) replaced by a number.</summary>
    private static Value[] WithNumberAt(string[] texts, int odd)
    {
        var values = new Value[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            values[i] = i == odd ? Value.FromNumber(1) : Value.FromString(texts[i]);
        }

        return values;
    }

    private static IEnumerable<PolicyScenario> Shrink(PolicyScenario scenario)
    {
        for (var i = 0; i < scenario.Requests.Length && scenario.Requests.Length > 1; i++)
        {
            yield return scenario with { Requests = Without(scenario.Requests, i) };
        }

        for (var i = 0; i < scenario.Rules.Length; i++)
        {
            yield return scenario with { Rules = Without(scenario.Rules, i) };
        }

        for (var i = 0; i < scenario.Links.Length; i++)
        {
            yield return scenario with { Links = Without(scenario.Links, i) };
        }
    }

    private static T[] Without<T>(T[] items, int index) => [.. items[..index], .. items[(index + 1)..]];
}
