using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Tests.Roles;

/// <summary>Builds graphs from links written as CSV fields: "alice, admin" or "alice, admin, dom1".</summary>
internal static class RoleGraphs
{
    public const string File = "policy.csv";

    public static RoleGraph Build(params string[] links) => Builder(links).Build();

    public static RoleGraphBuilder Builder(params string[] links)
    {
        var builder = new RoleGraphBuilder();
        for (var i = 0; i < links.Length; i++)
        {
            var fields = links[i].Split(',', StringSplitOptions.TrimEntries);
            var domain = fields.Length > 2 ? fields[2] : null;
            builder.AddLink(fields[0], fields[1], domain, new SourceLocation(File, i + 1, 1));
        }

        return builder;
    }

    /// <summary>The closure as "role:depth" strings, in order, for compact assertions.</summary>
    public static string[] Describe(RoleClosure closure)
    {
        var result = new string[closure.Count];
        for (var i = 0; i < closure.Count; i++)
        {
            result[i] = $"{closure.Roles[i]}:{closure.Depths[i]}";
        }

        return result;
    }

    /// <summary>A chain u -> r1 -> r2 ... -> r{length} (length links).</summary>
    public static string[] Chain(int length, string? domain = null)
    {
        var links = new string[length];
        for (var i = 0; i < length; i++)
        {
            var from = i == 0 ? "u" : $"r{i}";
            links[i] = domain is null ? $"{from}, r{i + 1}" : $"{from}, r{i + 1}, {domain}";
        }

        return links;
    }
}

/// <summary>Hand-written stand-ins for the matching functions the functions library will provide.</summary>
internal static class TestMatchers
{
    /// <summary>keyMatch2-like: ":name" matches one path segment, a trailing "*" matches the rest.</summary>
    public static bool KeyMatch2(string key, string pattern)
    {
        var keyParts = key.Split('/');
        var patternParts = pattern.Split('/');
        for (var i = 0; i < patternParts.Length; i++)
        {
            if (patternParts[i] == "*" && i == patternParts.Length - 1)
            {
                return keyParts.Length >= patternParts.Length;
            }

            if (i >= keyParts.Length)
            {
                return false;
            }

            var matches = patternParts[i].StartsWith(':')
                ? keyParts[i].Length > 0
                : string.Equals(keyParts[i], patternParts[i], StringComparison.Ordinal);
            if (!matches)
            {
                return false;
            }
        }

        return keyParts.Length == patternParts.Length;
    }

    /// <summary>A domain "*" applies to every domain.</summary>
    public static bool StarDomain(string domain, string pattern)
        => pattern == "*" || string.Equals(domain, pattern, StringComparison.Ordinal);
}
