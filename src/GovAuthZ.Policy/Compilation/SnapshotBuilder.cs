using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Evaluation.Nodes;
using GovAuthZ.Policy.Functions;
using GovAuthZ.Policy.Indexing;
using GovAuthZ.Policy.Parsing;
using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Compilation;

/// <summary>
/// Compiles a model and its policy lines into an immutable <see cref="PolicySnapshot"/>. Anything wrong
/// throws with the file and line at fault, and the caller keeps its previous snapshot.
/// </summary>
internal static class SnapshotBuilder
{
    public static PolicySnapshot Build(ModelDefinition model, IReadOnlyList<PolicyLine> lines, EnforcerOptions options, long revision)
    {
        var groups = PolicyGroups.From(model, lines);
        var roles = BuildRoles(model, groups, options);
        var snapshot = new PolicySnapshot(revision, model, lines, roles, options);
        foreach (var matcher in model.Matchers.Keys)
        {
            var context = DefaultContextFor(model, matcher);
            snapshot.AddPlan(BuildPlan(model, context, groups, roles, options));
        }

        snapshot.Groups = groups;
        return snapshot;
    }

    /// <summary>The context a matcher key implies: m2 reads r2, p2, e2 where they exist, else r, p, e.</summary>
    public static EnforceContext DefaultContextFor(ModelDefinition model, string matcherKey)
    {
        var suffix = matcherKey[1..];
        return new EnforceContext(
            Pick(model.Requests.ContainsKey("r" + suffix), "r" + suffix, "r"),
            Pick(model.Policies.ContainsKey("p" + suffix), "p" + suffix, "p"),
            Pick(model.Effects.ContainsKey("e" + suffix), "e" + suffix, "e"),
            matcherKey);
    }

    public static DecisionPlan BuildPlan(ModelDefinition model, EnforceContext context, PolicyGroups groups, IReadOnlyDictionary<string, RoleGraph> roles, EnforcerOptions options)
    {
        var request = Require(model.Requests, context.Request, "request definition");
        var policy = Require(model.Policies, context.Policy, "policy definition");
        var effect = Require(model.Effects, context.Effect, "policy effect");
        var matcherDefinition = Require(model.Matchers, context.Matcher, "matcher");
        var bindings = new Dictionary<string, RoleBinding>(StringComparer.Ordinal);
        foreach (var (key, graph) in roles)
        {
            bindings.Add(key, new RoleBinding(graph, model.Roles[key].Arity));
        }

        var scope = new MatcherScope
        {
            RequestKey = request.Key,
            RequestTokens = request.Tokens,
            PolicyKey = policy.Key,
            PolicyTokens = policy.Tokens,
            Roles = bindings,
            Functions = options.Functions,
            Locate = matcherDefinition.LocationAt,
        };
        var matcher = MatcherCompiler.Compile(matcherDefinition.Expression, scope);
        roles.TryGetValue("g", out var subjectRoles);
        var lines = RuleOrdering.Order(policy, effect.Kind, groups[policy.Key], subjectRoles);
        var rules = FieldsOf(lines);
        CompileEvalRules(matcher, scope, lines);
        var index = RuleIndex.Build(IndexPlan.Analyze(matcher.Root), rules);
        return new DecisionPlan(context, request.Tokens.Length, policy.Tokens.Length, effect.Kind, matcher, index, lines, rules, EffectsOf(policy, lines));
    }

    private static Dictionary<string, RoleGraph> BuildRoles(ModelDefinition model, PolicyGroups groups, EnforcerOptions options)
    {
        var roles = new Dictionary<string, RoleGraph>(StringComparer.Ordinal);
        foreach (var (key, definition) in model.Roles)
        {
            var builder = new RoleGraphBuilder
            {
                MaxDepth = options.MaxRoleDepth,
                NameMatcher = Matcher(options.RoleNameMatchers, key, options.Functions),
                DomainMatcher = Matcher(options.RoleDomainMatchers, key, options.Functions),
            };
            foreach (var line in groups[key])
            {
                var domain = definition.HasDomain ? line.Fields[2] : null;
                builder.AddLink(line.Fields[0], line.Fields[1], domain, line.Location);
            }

            roles.Add(key, builder.Build());
        }

        return roles;
    }

    private static Func<string, string, bool>? Matcher(IReadOnlyDictionary<string, string> names, string key, FunctionRegistry functions)
    {
        if (!names.TryGetValue(key, out var name))
        {
            return null;
        }

        if (!functions.TryGet(name, out var function) || function.Two is not { } two)
        {
            throw new GovAuthZException(ErrorCode.MatcherUnknownFunction, $"matching function '{name}' for '{key}' is not a registered two-argument function");
        }

        return (concrete, pattern) => two(Value.FromString(concrete), Value.FromString(pattern)).TryGetBool(out var matched) && matched;
    }

    /// <summary>Compiles each rule's eval() expression once per distinct text, reporting errors at the rule's line.</summary>
    private static void CompileEvalRules(CompiledMatcher matcher, MatcherScope scope, PolicyLine[] lines)
    {
        foreach (var node in matcher.EvalNodes)
        {
            var cache = new Dictionary<string, Node>(StringComparer.Ordinal);
            var compiled = new Node[lines.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                var text = lines[i].Fields[node.Field];
                if (!cache.TryGetValue(text, out var rule))
                {
                    var location = lines[i].Location;
                    var ruleScope = scope with { Locate = _ => location };
                    rule = MatcherCompiler.CompileRuleExpression(text, ruleScope).Root;
                    cache.Add(text, rule);
                }

                compiled[i] = rule;
            }

            node.Compiled = compiled;
        }
    }

    private static string[][] FieldsOf(PolicyLine[] lines)
    {
        var rules = new string[lines.Length][];
        for (var i = 0; i < lines.Length; i++)
        {
            rules[i] = lines[i].Fields;
        }

        return rules;
    }

    private static RuleEffect[] EffectsOf(PolicyDefinition policy, PolicyLine[] lines)
    {
        var effects = new RuleEffect[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            effects[i] = policy.EffectIndex < 0 ? RuleEffect.Allow : lines[i].Fields[policy.EffectIndex] switch
            {
                "allow" => RuleEffect.Allow,
                "deny" => RuleEffect.Deny,
                _ => RuleEffect.Indeterminate,
            };
        }

        return effects;
    }

    private static T Require<T>(IReadOnlyDictionary<string, T> definitions, string key, string what) =>
        definitions.TryGetValue(key, out var definition)
            ? definition
            : throw new GovAuthZException(ErrorCode.ModelMissingSection, $"the model has no {what} '{key}'");

    private static string Pick(bool condition, string preferred, string fallback) => condition ? preferred : fallback;
}
