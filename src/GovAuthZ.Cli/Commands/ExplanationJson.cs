using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovAuthZ.Policy;

namespace GovAuthZ.Cli.Commands;

/// <summary>The JSON shape <c>enforce --explain</c> prints. Property names are part of the command's contract.</summary>
internal sealed record ExplanationJson(
    [property: JsonPropertyName("allow")] bool Allow,
    [property: JsonPropertyName("effect")] string Effect,
    [property: JsonPropertyName("rules")] IReadOnlyList<RuleJson> Rules,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("revision")] long Revision)
{
    // Relaxed escaping keeps quotes and non-ASCII names readable; the output is never embedded in HTML.
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ExplanationJson From(Explanation explanation)
    {
        var rules = explanation.Rule is { } rule
            ? new[] { new RuleJson(rule.Type, rule.Fields, rule.Location.ToString()) }
            : [];
        return new ExplanationJson(explanation.Allowed, explanation.Effect, rules, explanation.Reason, explanation.ErrorCode, explanation.Revision);
    }
}

internal sealed record RuleJson(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields,
    [property: JsonPropertyName("location")] string Location);
