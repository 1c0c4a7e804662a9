namespace GovAuthZ.Tokens;

/// <summary>
/// Membership in the short string lists tokens and registrations carry (scopes, audiences, redirect URIs,
/// grant types): ordinal comparison, as OAuth requires (RFC 6749 3.3, RFC 9700 4.1.3), and a plain loop,
/// because these lists hold a handful of entries and run on every token request.
/// </summary>
internal static class OrdinalList
{
    public static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every one of <paramref name="subset"/> is in <paramref name="values"/>.</summary>
    public static bool ContainsAll(IReadOnlyList<string> values, IReadOnlyList<string> subset)
    {
        foreach (var value in subset)
        {
            if (!Contains(values, value))
            {
                return false;
            }
        }

        return true;
    }
}
