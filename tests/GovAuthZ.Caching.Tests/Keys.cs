using System.Text;

namespace GovAuthZ.Caching.Tests;

/// <summary>Small helpers to make keys and values for cache tests.</summary>
internal static class Keys
{
    public static byte[] Of(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Numbered(int i) => Of("key-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>A cached value that names the key it was stored under, so a test can spot a wrong hit.</summary>
internal sealed record Answer(string Key);

/// <summary>Dependency versions held in a table the test edits.</summary>
internal sealed class FakeDependencyVersions : IDependencyVersions
{
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);

    public void Set(string id, long version) => _versions[id] = version;

    public bool IsCurrent(in DependencyVersion dependency) =>
        _versions.TryGetValue(dependency.Id, out var version) && version == dependency.Version;
}
