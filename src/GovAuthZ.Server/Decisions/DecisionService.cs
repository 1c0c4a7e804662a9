using System.Globalization;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Server.Catalog;
using ContractRule = GovAuthZ.Contracts.Decision.V1.MatchedRule;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// The decision point behind both transports: takes contract messages, decides them against the current
/// <see cref="PolicyBundle"/> and answers with contract messages. Invalid requests throw
/// <see cref="GovAuthZException"/> (the transport maps the code to a status); a deny is a normal answer.
/// Stateless apart from the store, so one instance serves all threads.
/// </summary>
internal sealed class DecisionService
{
    public const string AllowedByRule = "allowed-by-rule";
    public const string DeniedByRule = "denied-by-rule";
    public const string NoRuleAllows = "no-rule-allows";

    private readonly PolicyStore _store;
    private readonly TimeProvider _time;
    private readonly int _maxBatch;

    public DecisionService(PolicyStore store, TimeProvider time, int maxBatch)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _store = store;
        _time = time;
        _maxBatch = maxBatch;
    }

    public int MaxBatch => _maxBatch;

    public CheckResponse Check(CheckRequest request) => Explain(request, _store.Current).Decision;

    /// <summary>Decides every check against one bundle, so a concurrent reload cannot split the batch.</summary>
    public CheckBatchResponse CheckBatch(CheckBatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Checks.Count > _maxBatch)
        {
            throw new GovAuthZException(
                ErrorCode.DecisionBatchTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"the batch holds {request.Checks.Count} checks; at most {_maxBatch} are allowed"));
        }

        var state = _store.Current;
        var response = new CheckBatchResponse();
        for (var i = 0; i < request.Checks.Count; i++)
        {
            try
            {
                response.Results.Add(Explain(request.Checks[i], state).Decision);
            }
            catch (GovAuthZException error)
            {
                // Name the failing entry: the caller must know which of many checks was malformed.
                throw new GovAuthZException(error.Code, string.Create(CultureInfo.InvariantCulture, $"checks[{i}]: {error.Detail}"), error.Location, error);
            }
        }

        return response;
    }

    public ExplainResponse Explain(CheckRequest request) => Explain(request, _store.Current);

    private ExplainResponse Explain(CheckRequest request, PolicyState state)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.Bundle is not { } bundle)
        {
            return NotReady(state.LastReloadError);
        }

        var mapped = RequestMapper.Map(request, bundle.Catalog);

        // Explain rather than Decide: the response names the deciding rule and its location, which only the
        // explanation exposes outside the engine. Worth revisiting when the check path is tuned.
        var explanation = bundle.Enforcer.Explain(mapped.Values);
        var decision = NewResponse(bundle.Revision);
        decision.Allowed = explanation.Allowed;
        decision.Reasons.Add(ReasonOf(explanation));
        if (explanation.Rule is { } rule)
        {
            // The file name only: callers need to find the rule in policies/, not learn the server's folders.
            var location = rule.Location with { File = Path.GetFileName(rule.Location.File) };
            decision.MatchedRule = new ContractRule { Type = rule.Type, Location = location.ToString() };
            decision.MatchedRule.Fields.Add(rule.Fields);
        }

        if (explanation.Allowed && mapped.Dataset is { } dataset)
        {
            AddMaskObligations(decision, dataset);
        }

        var response = new ExplainResponse { Decision = decision, Effect = explanation.Effect, Reason = explanation.Reason };
        AddAttributes(response, "r.sub.", mapped.Subject);
        AddAttributes(response, "r.obj.", mapped.Resource);
        response.Attributes.Add(new EvaluatedAttribute { Name = "r.act", Value = request.Action });
        response.Attributes.Add(new EvaluatedAttribute { Name = "r.purpose", Value = request.Purpose });
        return response;
    }

    private ExplainResponse NotReady(GovAuthZException? loadError)
    {
        // Fail closed: without a policy nothing is allowed; the reasons say why so operators can act.
        var decision = NewResponse(0);
        decision.Reasons.Add(ErrorCodes.Format(ErrorCode.DecisionNotReady));
        if (loadError is not null)
        {
            decision.Reasons.Add(loadError.CodeId);
        }

        var reason = loadError is null ? "no policy is loaded" : "no policy is loaded: " + loadError.Message;
        return new ExplainResponse { Decision = decision, Effect = "none", Reason = reason };
    }

    private CheckResponse NewResponse(long revision) => new()
    {
        Allowed = false,
        PolicyRevision = revision,
        DecisionId = Guid.CreateVersion7(_time.GetUtcNow()).ToString(),
    };

    private static string ReasonOf(Explanation explanation) => explanation switch
    {
        { ErrorCode: { } code } => code,
        { Allowed: true } => AllowedByRule,
        { Rule: not null } => DeniedByRule,
        _ => NoRuleAllows,
    };

    private static void AddMaskObligations(CheckResponse decision, DatasetEntry dataset)
    {
        var partial = new MaskFields { Style = MaskStyle.Partial };
        var full = new MaskFields { Style = MaskStyle.Full };
        foreach (var field in dataset.Fields)
        {
            if (string.Equals(field.Mask, DatasetField.Redact, StringComparison.Ordinal))
            {
                full.Fields.Add(field.Name);
            }
            else if (!string.Equals(field.Mask, DatasetField.NoMask, StringComparison.Ordinal))
            {
                partial.Fields.Add(field.Name);
            }
        }

        if (partial.Fields.Count > 0)
        {
            decision.Obligations.Add(new Obligation { MaskFields = partial });
        }

        if (full.Fields.Count > 0)
        {
            decision.Obligations.Add(new Obligation { MaskFields = full });
        }
    }

    private static void AddAttributes(ExplainResponse response, string prefix, KeyValuePair<string, Value>[] pairs)
    {
        foreach (var (name, value) in pairs)
        {
            response.Attributes.Add(new EvaluatedAttribute { Name = prefix + name, Value = value.ToString() });
        }
    }
}
