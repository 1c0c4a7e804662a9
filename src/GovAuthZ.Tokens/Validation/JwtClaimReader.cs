using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GovAuthZ.Tokens.Validation;

/// <summary>
/// Strictly typed reads of payload claims. The library's typed accessors convert between JSON types (a
/// string "3" reads as the number 3); we look at the JSON type it parsed instead, so a claim of the wrong
/// type reads as absent or malformed, never as a coerced value.
/// </summary>
internal static class JwtClaimReader
{
    public static bool Has(JsonWebToken jwt, string name) => jwt.TryGetPayloadValue<object>(name, out _);

    public static string? String(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<object>(name, out var raw) && raw is string { Length: > 0 } value ? value : null;

    /// <summary>A NumericDate (RFC 7519 section 2): a JSON number of seconds; fractions are truncated.</summary>
    public static DateTimeOffset? Time(JsonWebToken jwt, string name)
    {
        if (!jwt.TryGetPayloadValue<object>(name, out var raw))
        {
            return null;
        }

        long? seconds = raw switch
        {
            int i => i,
            long l => l,
            double d when d >= 0 && d < 253402300800 => (long)d,
            _ => null,
        };
        return seconds is >= 0 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;
    }

    public static int? Int32(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<object>(name, out var raw) && raw is int value ? value : null;

    /// <summary>A JSON array whose every element is a string; null when absent or of another shape.</summary>
    public static string[]? StringArray(JsonWebToken jwt, string name)
    {
        if (!jwt.TryGetPayloadValue<object>(name, out var raw) || raw is not JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        var result = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            result[i++] = item.GetString()!;
        }

        return result;
    }

    /// <summary>The aud claim as a list, whether sent as one string or an array (RFC 7519 section 4.1.3).</summary>
    public static IReadOnlyList<string> Audiences(JsonWebToken jwt)
    {
        var result = new List<string>(1);
        foreach (var audience in jwt.Audiences)
        {
            result.Add(audience);
        }

        return result;
    }
}
