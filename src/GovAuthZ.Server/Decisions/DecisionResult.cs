using Google.Protobuf.WellKnownTypes;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Policy;
using GovAuthZ.Policy.Effects;
using GovAuthZ.Server.Catalog;
using ContractRule = GovAuthZ.Contracts.Decision.V1.MatchedRule;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// What a decided check answers, apart from what each response gets of its own (decision id) and what
/// the bundle supplies (revision): allowed, reason, deciding rule, mask obligations and the purpose's
/// retention limit. Immutable, so
/// the decision cache hands one instance to every thread; responses are built fresh from it, since
/// contract messages are mutable.
/// </summary>
internal sealed class DecisionResult
{
    public const string AllowedByRule = "allowed-by-rule";
    public const string DeniedByRule = "denied-by-rule";
    public const string NoRuleAllows = "no-rule-allows";

    private readonly string[] _ruleFields;
    private readonly string[] _partialMask;
    private readonly string[] _fullMask;
    private readonly TimeSpan? _retention;

    private DecisionResult(bool allowed, string reason, string? ruleType, string[] ruleFields, string ruleLocation, DatasetEntry? dataset, bool decided, PurposeEntry? purpose = null)
    {
        Allowed = allowed;
        Reason = reason;
        RuleType = ruleType;
        _ruleFields = ruleFields;
        RuleLocation = ruleLocation;
        IsDecided = decided;
        (_partialMask, _fullMask) = allowed && dataset is not null ? MasksOf(dataset) : ([], []);
        _retention = allowed ? purpose?.Retention : null;
    }

    public bool Allowed { get; }

    /// <summary>The reason code: one of the constants above, or the GAZ code of the error that forced a deny.</summary>
    public string Reason { get; }

    /// <summary>The deciding rule's policy type, or null when no rule decided.</summary>
    public string? RuleType { get; }

    /// <summary>"file:line" with the file name only: callers need to find the rule in policies/, not learn the server's folders.</summary>
    public string RuleLocation { get; }

    /// <summary>False when evaluation failed and the deny carries an error: such results are never cached.</summary>
    public bool IsDecided { get; }

    public static DecisionResult FromOutcome(in EnforceOutcome outcome, DatasetEntry? dataset, PurposeEntry? purpose = null)
    {
        if (outcome.Error is { } error)
        {
            return new DecisionResult(false, error.CodeId, null, [], string.Empty, null, decided: false);
        }

        if (!outcome.TryGetRule(out var rule))
        {
            return new DecisionResult(outcome.Allowed, outcome.Allowed ? AllowedByRule : NoRuleAllows, null, [], string.Empty, dataset, decided: true, purpose);
        }

        var reason = outcome.Allowed ? AllowedByRule : DeniedByRule;
        return new DecisionResult(outcome.Allowed, reason, rule.Type, rule.Fields.ToArray(), LocationOf(rule.Location), dataset, decided: true, purpose);
    }

    public static DecisionResult FromExplanation(Explanation explanation, DatasetEntry? dataset, PurposeEntry? purpose = null)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var reason = explanation switch
        {
            { ErrorCode: { } code } => code,
            { Allowed: true } => AllowedByRule,
            { Rule: not null } => DeniedByRule,
            _ => NoRuleAllows,
        };
        return explanation.Rule is { } rule
            ? new DecisionResult(explanation.Allowed, reason, rule.Type, [.. rule.Fields], LocationOf(rule.Location), dataset, explanation.ErrorCode is null, purpose)
            : new DecisionResult(explanation.Allowed, reason, null, [], string.Empty, dataset, explanation.ErrorCode is null, purpose);
    }

    public CheckResponse ToResponse(long revision, string decisionId)
    {
        var response = new CheckResponse { Allowed = Allowed, PolicyRevision = revision, DecisionId = decisionId };
        response.Reasons.Add(Reason);
        if (RuleType is not null)
        {
            response.MatchedRule = new ContractRule { Type = RuleType, Location = RuleLocation };
            response.MatchedRule.Fields.Add(_ruleFields);
        }

        // Partial before full: the order the mask obligations have always been listed in.
        AddMask(response, _partialMask, MaskStyle.Partial);
        AddMask(response, _fullMask, MaskStyle.Full);
        if (_retention is { } retention)
        {
            response.Obligations.Add(new Obligation { Retention = new Retention { MaxAge = Duration.FromTimeSpan(retention) } });
        }

        return response;
    }

    private static string LocationOf(Core.Errors.SourceLocation location) =>
        (location with { File = Path.GetFileName(location.File) }).ToString();

    private static (string[] Partial, string[] Full) MasksOf(DatasetEntry dataset)
    {
        var partial = new List<string>();
        var full = new List<string>();
        foreach (var field in dataset.Fields)
        {
            if (string.Equals(field.Mask, DatasetField.Redact, StringComparison.Ordinal))
            {
                full.Add(field.Name);
            }
            else if (!string.Equals(field.Mask, DatasetField.NoMask, StringComparison.Ordinal))
            {
                partial.Add(field.Name);
            }
        }

        return ([.. partial], [.. full]);
    }

    private static void AddMask(CheckResponse response, string[] fields, MaskStyle style)
    {
        if (fields.Length > 0)
        {
            var mask = new MaskFields { Style = style };
            mask.Fields.Add(fields);
            response.Obligations.Add(new Obligation { MaskFields = mask });
        }
    }
}
