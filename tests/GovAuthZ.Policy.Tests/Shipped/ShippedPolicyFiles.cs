using GovAuthZ.Tests.Shared.Conformance;
using YamlDotNet.RepresentationModel;

namespace GovAuthZ.Policy.Tests.Shipped;

/// <summary>
/// The shipped policy set for the engine tests: the shared case loader (<see cref="ShippedCases"/>) plus
/// the engine built from policies/model.conf and policies/policy.csv.
/// </summary>
internal static class ShippedPolicyFiles
{
    public static string Directory => ShippedCases.Directory;

    public static string ModelPath => Path.Combine(Directory, "model.conf");

    public static string PolicyPath => Path.Combine(Directory, "policy.csv");

    public static string TestsDirectory => ShippedCases.TestsDirectory;

    public static IEnumerable<string> TestFileNames() => ShippedCases.TestFileNames();

    public static Enforcer LoadEnforcer() => Enforcer.FromFiles(ModelPath, PolicyPath);

    public static YamlMappingNode LoadYaml(string path) => ShippedCases.LoadYaml(path);

    public static List<ShippedCase> LoadCases(string name) => ShippedCases.LoadCases(name);

    public static YamlNode? Child(YamlMappingNode map, string key) => ShippedCases.Child(map, key);

    public static string? Text(YamlMappingNode map, string key) => ShippedCases.Text(map, key);

    public static IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key) => ShippedCases.Sequence(map, key);
}
