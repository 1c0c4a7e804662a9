using GovAuthZ.Server.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Conformance;

/// <summary>Compares one path's answer with the case's expectation and with the reference answer.</summary>
internal static class DecisionAssertions
{
    public static IEnumerable<string> Compare(ApiCase expected, CheckOutcome actual, CheckOutcome reference)
    {
        var name = expected.Name;
        if (expected.ApiError is { } code)
        {
            if (actual.Error != code || reference.Error != code)
            {
                yield return $"{name}: expected error {code}, got {actual.Error ?? "a decision"} (reference {reference.Error ?? "a decision"})";
            }

            yield break;
        }

        if (actual.Response is not { } response || reference.Response is not { } baseline)
        {
            yield return $"{name}: expected a decision, got error {actual.Error} (reference {reference.Error})";
            yield break;
        }

        if (response.Allowed != expected.Allowed)
        {
            yield return $"{name}: expected allowed={expected.Allowed}, got {response.Allowed} ({string.Join(",", response.Reasons)})";
        }

        if (ReasonProblem(expected, response) is { } reason)
        {
            yield return $"{name}: {reason}";
        }

        if (!response.Reasons.SequenceEqual(baseline.Reasons) || !Equals(response.MatchedRule, baseline.MatchedRule)
            || !response.Obligations.SequenceEqual(baseline.Obligations) || response.ConsentId != baseline.ConsentId)
        {
            yield return $"{name}: differs from the in-process decision: {response} vs. {baseline}";
        }

        if (response.DecisionId.Length == 0 || response.PolicyRevision < 1)
        {
            yield return $"{name}: no decision id or revision";
        }
    }

    // What the reasons must say given the expected outcome, independently of the reference.
    private static string? ReasonProblem(ApiCase expected, Contracts.Decision.V1.CheckResponse response)
    {
        var reasons = string.Join(",", response.Reasons);
        var effect = response.MatchedRule?.Fields.LastOrDefault();
        if (expected.Reason is { } error)
        {
            return reasons == error ? null : $"expected reason {error}, got {reasons}";
        }

        if (expected.Allowed)
        {
            return reasons == DecisionResult.AllowedByRule && effect == "allow" ? null : $"an allow must name its allow rule, got {reasons} {effect}";
        }

        if (response.Obligations.Count > 0)
        {
            return "a deny carries obligations";
        }

        return (reasons, effect) switch
        {
            (DecisionResult.DeniedByRule, "deny") => null,
            (DecisionResult.NoRuleAllows, null) => null,
            _ => $"a deny must be by a deny rule or by no rule, got {reasons} {effect}",
        };
    }
}
