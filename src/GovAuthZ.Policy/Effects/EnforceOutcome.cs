using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Compilation;

namespace GovAuthZ.Policy.Effects;

/// <summary>
/// The result of one Enforce: allowed or not, the rule that decided (by its position in the effective
/// rule order, -1 for none) and, when evaluation failed, the error that forced the deny. A struct so
/// that the ordinary path allocates nothing.
/// </summary>
public readonly struct EnforceOutcome
{
    private readonly GovAuthZException? _error;

    // The plan that produced this outcome. RulePosition indexes that plan's rule order, which a later
    // snapshot may have reordered or shortened, so the rule is read from here and never from the
    // enforcer's current snapshot.
    private readonly DecisionPlan? _plan;

    internal EnforceOutcome(bool allowed, int rulePosition, GovAuthZException? error)
        : this(allowed, rulePosition, error, null)
    {
    }

    private EnforceOutcome(bool allowed, int rulePosition, GovAuthZException? error, DecisionPlan? plan)
    {
        Allowed = allowed && error is null;
        RulePosition = rulePosition;
        _error = error;
        _plan = plan;
    }

    public bool Allowed { get; }

    /// <summary>Position of the deciding rule in the effective order of its policy type, or -1.</summary>
    public int RulePosition { get; }

    /// <summary>Why the request was denied without a decision, or null when it was decided.</summary>
    public GovAuthZException? Error => _error;

    /// <summary>
    /// The rule that decided, read from the snapshot that made this decision, so a concurrent policy
    /// change cannot make it name another rule. False when no rule decided (default deny, a matcher
    /// without policy rules) or evaluation failed. Allocates nothing: the result refers to the snapshot's
    /// own strings.
    /// </summary>
    public bool TryGetRule(out DecidedRule rule)
    {
        if (_error is null && _plan is { } plan && (uint)RulePosition < (uint)plan.Lines.Length)
        {
            var line = plan.Lines[RulePosition];
            rule = new DecidedRule(line.Type, line.Fields, line.Location);
            return true;
        }

        rule = default;
        return false;
    }

    internal static EnforceOutcome Failed(GovAuthZException error) => new(false, -1, error);

    /// <summary>The same outcome, bound to the plan whose rule order <see cref="RulePosition"/> indexes.</summary>
    internal EnforceOutcome From(DecisionPlan plan) => new(Allowed, RulePosition, _error, plan);
}
