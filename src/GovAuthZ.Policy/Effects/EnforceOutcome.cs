using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Effects;

/// <summary>
/// The result of one Enforce: allowed or not, the rule that decided (by its position in the effective
/// rule order, -1 for none) and, when evaluation failed, the error that forced the deny. A struct so
/// that the ordinary path allocates nothing.
/// </summary>
public readonly struct EnforceOutcome
{
    private readonly GovAuthZException? _error;

    internal EnforceOutcome(bool allowed, int rulePosition, GovAuthZException? error)
    {
        Allowed = allowed && error is null;
        RulePosition = rulePosition;
        _error = error;
    }

    public bool Allowed { get; }

    /// <summary>Position of the deciding rule in the effective order of its policy type, or -1.</summary>
    public int RulePosition { get; }

    /// <summary>Why the request was denied without a decision, or null when it was decided.</summary>
    public GovAuthZException? Error => _error;

    internal static EnforceOutcome Failed(GovAuthZException error) => new(false, -1, error);
}
