using System.Collections.Concurrent;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing;
using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Compilation;

/// <summary>
/// One compiled, immutable state of a model and its policies. Published by a single reference swap, so
/// a reader sees either the whole old state or the whole new one, and never locks.
/// </summary>
internal sealed class PolicySnapshot
{
    private readonly Dictionary<EnforceContext, DecisionPlan> _plans = [];
    // Bounded so that contexts named by callers cannot grow memory without limit; failures are never kept.
    private const int MaxOtherPlans = 64;
    private readonly ConcurrentDictionary<EnforceContext, DecisionPlan> _otherPlans = new();
    private readonly EnforcerOptions _options;

    public PolicySnapshot(long revision, ModelDefinition model, IReadOnlyList<PolicyLine> lines, IReadOnlyDictionary<string, RoleGraph> roles, EnforcerOptions options)
    {
        Revision = revision;
        Model = model;
        Lines = lines;
        Roles = roles;
        _options = options;
    }

    public long Revision { get; }

    public ModelDefinition Model { get; }

    /// <summary>Every policy and role line, in the order they were loaded or added.</summary>
    public IReadOnlyList<PolicyLine> Lines { get; }

    public IReadOnlyDictionary<string, RoleGraph> Roles { get; }

    /// <summary>Lines grouped by type, set once while the snapshot is built.</summary>
    public PolicyGroups Groups { get; set; } = null!;

    /// <summary>The plan for the default context (r, p, e, m), if the model has a matcher m.</summary>
    public DecisionPlan? DefaultPlan { get; private set; }

    public void AddPlan(DecisionPlan plan)
    {
        _plans[plan.Context] = plan;
        if (plan.Context == EnforceContext.Default)
        {
            DefaultPlan = plan;
        }
    }

    /// <summary>
    /// The plan for a context. Contexts not compiled up front (unusual combinations) are compiled on first
    /// use and kept (up to a bound); a context naming undefined keys throws a coded error and is not kept.
    /// </summary>
    public DecisionPlan GetPlan(EnforceContext context)
    {
        if (_plans.TryGetValue(context, out var plan))
        {
            return plan;
        }

        if (_otherPlans.TryGetValue(context, out plan))
        {
            return plan;
        }

        plan = SnapshotBuilder.BuildPlan(Model, context, Groups, Roles, _options);
        if (_otherPlans.Count < MaxOtherPlans)
        {
            _otherPlans.TryAdd(context, plan);
        }

        return plan;
    }

    public DecisionPlan RequireDefaultPlan() =>
        DefaultPlan ?? throw new GovAuthZException(ErrorCode.ModelMissingSection, "the model has no matcher 'm'");
}
