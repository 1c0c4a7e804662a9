using System.Text;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// Recognises a policy effect. Casbin does not evaluate effect expressions: it compares them with five fixed
/// forms. We do the same, but token by token so that spacing does not matter, and we accept any defined
/// policy key in place of <c>p</c> (<c>p2.eft</c>) as well as Casbin's escaped spelling <c>p_eft</c>.
/// </summary>
internal static class EffectParser
{
    // Stands for "<policy key>.eft" in the canonical token string; it cannot occur in a real token.
    private const string EftPlaceholder = "@eft";

    private static readonly (string Canonical, EffectKind Kind)[] Forms =
    [
        (CanonicalForm("some(where (p.eft == allow))"), EffectKind.AllowOverride),
        (CanonicalForm("!some(where (p.eft == deny))"), EffectKind.DenyOverride),
        (CanonicalForm("some(where (p.eft == allow)) && !some(where (p.eft == deny))"), EffectKind.AllowAndDeny),
        (CanonicalForm("priority(p.eft) || deny"), EffectKind.Priority),
        (CanonicalForm("subjectPriority(p.eft) || deny"), EffectKind.SubjectPriority),
    ];

    public static EffectDefinition Parse(ModelAssignment assignment, IReadOnlyDictionary<string, PolicyDefinition> policies)
    {
        var canonical = Canonicalize(assignment.Value, out var policyKey);
        foreach (var (form, kind) in Forms)
        {
            if (!string.Equals(form, canonical, StringComparison.Ordinal))
            {
                continue;
            }

            if (policyKey is null)
            {
                throw new GovAuthZException(
                    ErrorCode.ModelUnsupportedEffect,
                    $"effect '{assignment.Key}' reads the 'eft' of more than one policy type",
                    assignment.Location);
            }

            if (!policies.ContainsKey(policyKey))
            {
                throw new GovAuthZException(
                    ErrorCode.ModelUnsupportedEffect,
                    $"effect '{assignment.Key}' reads '{policyKey}.eft' but [{ModelSections.Policy}] does not define '{policyKey}'",
                    assignment.Location);
            }

            return new EffectDefinition(assignment.Key, kind, policyKey, assignment);
        }

        throw new GovAuthZException(
            ErrorCode.ModelUnsupportedEffect,
            $"unsupported policy effect '{assignment.Value}'; supported: some(where (p.eft == allow)), "
            + "!some(where (p.eft == deny)), some(where (p.eft == allow)) && !some(where (p.eft == deny)), "
            + "priority(p.eft) || deny, subjectPriority(p.eft) || deny",
            assignment.Location);
    }

    private static string CanonicalForm(string form) => Canonicalize(form, out _);

    /// <summary>
    /// The expression's tokens joined by single spaces, with every <c>K.eft</c> or <c>K_eft</c> replaced by a
    /// placeholder. <paramref name="policyKey"/> is K when all references name the same key, else null.
    /// </summary>
    private static string Canonicalize(string expression, out string? policyKey)
    {
        var tokens = Tokenize(expression);
        var result = new StringBuilder(expression.Length);
        policyKey = null;
        var consistent = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            string? reference = null;
            if (IsIdentifierToken(token) && i + 2 < tokens.Count && tokens[i + 1] == "." && tokens[i + 2] == "eft")
            {
                reference = token;
                i += 2;
            }
            else if (token.Length > 4 && token.EndsWith("_eft", StringComparison.Ordinal))
            {
                reference = token[..^4];
            }

            if (reference is not null)
            {
                consistent &= policyKey is null || string.Equals(policyKey, reference, StringComparison.Ordinal);
                policyKey ??= reference;
                token = EftPlaceholder;
            }

            result.Append(result.Length == 0 ? string.Empty : " ").Append(token);
        }

        if (!consistent)
        {
            policyKey = null;
        }

        return result.ToString();
    }

    private static List<string> Tokenize(string expression)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }
            }
            else
            {
                var pair = i + 1 < expression.Length && expression[i + 1] == c && c is '=' or '&' or '|';
                i += pair ? 2 : 1;
            }

            tokens.Add(expression[start..i]);
        }

        return tokens;
    }

    private static bool IsIdentifierToken(string token) => DefinitionTokens.IsIdentifier(token);
}
