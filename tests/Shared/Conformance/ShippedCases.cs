using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace GovAuthZ.Tests.Shared.Conformance;

/// <summary>One case of policies/tests/*.yaml: the request as JSON values, the expected decision and error code.</summary>
internal sealed record ShippedCase(string File, int Line, JsonArray Request, bool Expect, string? Error);

/// <summary>
/// Locates and reads the shipped policy set in policies/ and its cases in policies/tests. Case requests are
/// converted with the conformance corpus's YAML-to-JSON rules, so both corpora share one meaning of plain
/// and quoted scalars. Shared by the engine tests and the transport conformance suite, so every path is
/// held to the same cases.
/// </summary>
internal static class ShippedCases
{
    public static string Directory => Path.Combine(ConformanceCorpus.RepositoryRoot(), "policies");

    public static string TestsDirectory => Path.Combine(Directory, "tests");

    public static IEnumerable<string> TestFileNames() =>
        System.IO.Directory.EnumerateFiles(TestsDirectory, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static List<ShippedCase> LoadCases(string name)
    {
        var path = Path.Combine(TestsDirectory, name + ".yaml");
        var root = LoadYaml(path);
        if (Text(root, "name") != name)
        {
            throw new InvalidDataException($"{path}: name must equal the file name '{name}'");
        }

        var cases = new List<ShippedCase>();
        foreach (var item in Sequence(root, "cases").Cast<YamlMappingNode>())
        {
            var request = Child(item, "request") as YamlSequenceNode ?? throw new InvalidDataException($"{path}:{item.Start.Line}: case without request");
            var expect = Text(item, "expect") ?? throw new InvalidDataException($"{path}:{item.Start.Line}: case without expect");
            var array = new JsonArray();
            foreach (var value in request.Children)
            {
                array.Add(ConformanceCorpus.ToJson(value));
            }

            cases.Add(new ShippedCase(path, (int)item.Start.Line, array, bool.Parse(expect), Text(item, "error")));
        }

        return cases;
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? Text(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key) =>
        (Child(map, key) as YamlSequenceNode)?.Children ?? Enumerable.Empty<YamlNode>();
}
