using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace GovAuthZ.Tests.Shared.Conformance;

/// <summary>One conformance file: a model, a policy, options and the cases that must hold for them.</summary>
internal sealed record ConformanceFile(
    string Name,
    string Path,
    string Model,
    string Policy,
    int? MaxDepth,
    IReadOnlyDictionary<string, string> RoleMatchers,
    IReadOnlyDictionary<string, string> DomainMatchers,
    string[]? Context,
    string? LoadError,
    IReadOnlyList<ConformanceCase> Cases);

/// <summary>A request (as JSON values) and its expected decision, and the error code when a deny comes from a failure.</summary>
internal sealed record ConformanceCase(int Line, JsonArray Request, bool Expect, string? Error, string[]? Context);

/// <summary>
/// Reads the YAML corpus in tests/testdata/conformance. Scalars keep their YAML types: plain 18 is a
/// number, quoted "18" a string, plain true a boolean; maps become ABAC attribute objects.
/// </summary>
internal static class ConformanceCorpus
{
    public static string Directory => System.IO.Path.Combine(RepositoryRoot(), "tests", "testdata", "conformance");

    public static IEnumerable<string> FileNames() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.yaml").Select(System.IO.Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static ConformanceFile Load(string name)
    {
        var path = System.IO.Path.Combine(Directory, name + ".yaml");
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var options = Child(root, "options") as YamlMappingNode;
        return new ConformanceFile(
            Text(root, "name") ?? name,
            path,
            Text(root, "model") ?? throw new InvalidDataException($"{path}: no model"),
            Text(root, "policy") ?? string.Empty,
            options is null || Text(options, "maxDepth") is not { } depth ? null : int.Parse(depth, CultureInfo.InvariantCulture),
            Map(options is null ? null : Child(options, "roleMatchers")),
            Map(options is null ? null : Child(options, "domainMatchers")),
            ContextOf(Child(root, "context")),
            Text(root, "loadError"),
            CasesOf(path, Child(root, "cases")));
    }

    private static List<ConformanceCase> CasesOf(string path, YamlNode? node)
    {
        var cases = new List<ConformanceCase>();
        if (node is not YamlSequenceNode sequence)
        {
            return cases;
        }

        foreach (var item in sequence.Children.Cast<YamlMappingNode>())
        {
            var request = Child(item, "request") as YamlSequenceNode ?? throw new InvalidDataException($"{path}:{item.Start.Line}: case without request");
            var expect = Text(item, "expect") ?? throw new InvalidDataException($"{path}:{item.Start.Line}: case without expect");
            var array = new JsonArray();
            foreach (var value in request.Children)
            {
                array.Add(ToJson(value));
            }

            cases.Add(new ConformanceCase((int)item.Start.Line, array, bool.Parse(expect), Text(item, "error"), ContextOf(Child(item, "context"))));
        }

        return cases;
    }

    internal static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[((YamlScalarNode)key).Value!] = ToJson(value);
                }

                return obj;
            case YamlScalarNode scalar when scalar.Style is YamlDotNet.Core.ScalarStyle.Plain:
                var text = scalar.Value ?? string.Empty;
                if (text is "true" or "false")
                {
                    return JsonValue.Create(text == "true");
                }

                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(text);
            case YamlScalarNode quoted:
                return JsonValue.Create(quoted.Value ?? string.Empty);
            default:
                throw new InvalidDataException($"unsupported YAML value at line {node.Start.Line}");
        }
    }

    private static string[]? ContextOf(YamlNode? node) =>
        node is YamlMappingNode map
            ? [Text(map, "r") ?? "r", Text(map, "p") ?? "p", Text(map, "e") ?? "e", Text(map, "m") ?? "m"]
            : null;

    private static Dictionary<string, string> Map(YamlNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                result[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value!;
            }
        }

        return result;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Text(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "GovAuthZ.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository root (GovAuthZ.sln)");
    }
}
