namespace GovAuthZ.Tokens.Grants;

/// <summary>RFC 6749 section 3.3: scope = scope-token *( SP scope-token ), scope-token = 1*( %x21 / %x23-5B / %x5D-7E ).</summary>
public static class ScopeParser
{
    public static bool IsScopeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        foreach (var c in token)
        {
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Splits a scope parameter on single spaces. Returns false for empty tokens (leading, trailing or
    /// doubled spaces) or characters outside the grammar. Duplicates are folded; order is kept.
    /// </summary>
    public static bool TryParse(string value, out IReadOnlyList<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new List<string>();
        foreach (var part in value.Split(' '))
        {
            if (!IsScopeToken(part))
            {
                scopes = [];
                return false;
            }

            if (!result.Contains(part))
            {
                result.Add(part);
            }
        }

        scopes = result;
        return true;
    }
}
