using System.Collections.Frozen;
using GovAuthZ.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GovAuthZ.Server.Catalog;

/// <summary>
/// Reads catalog.yaml and purposes.yaml into a <see cref="PolicyCatalog"/>. Every problem is reported as
/// <see cref="ErrorCode.CatalogInvalid"/> with the file and line, so an administrator can fix the file
/// without guessing; a catalog with any error is rejected whole (no partial catalogs).
/// </summary>
internal static class CatalogLoader
{
    public static PolicyCatalog Load(string catalogPath, string purposesPath)
    {
        var datasets = LoadDatasets(catalogPath);
        var purposes = LoadPurposes(purposesPath);
        return new PolicyCatalog(datasets, purposes);
    }

    private static FrozenDictionary<string, DatasetEntry> LoadDatasets(string path)
    {
        var root = ReadRoot(path);
        var result = new Dictionary<string, DatasetEntry>(StringComparer.Ordinal);
        foreach (var node in RequiredSequence(path, root, "datasets"))
        {
            var map = AsMapping(path, node, "a dataset");
            var entry = new DatasetEntry(
                Required(path, map, "id"),
                Required(path, map, "owner"),
                Required(path, map, "region"),
                Required(path, map, "grade"),
                Required(path, map, "pi"),
                Required(path, map, "sharing"),
                FieldsOf(path, map));
            if (!result.TryAdd(entry.Id, entry))
            {
                throw Error(path, node, $"dataset '{entry.Id}' is defined twice");
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, PurposeEntry> LoadPurposes(string path)
    {
        var root = ReadRoot(path);
        var result = new Dictionary<string, PurposeEntry>(StringComparer.Ordinal);
        foreach (var node in RequiredSequence(path, root, "purposes"))
        {
            var map = AsMapping(path, node, "a purpose");
            var entry = new PurposeEntry(Required(path, map, "id"), Required(path, map, "legalBasis"), Optional(map, "law"), RetentionDaysOf(path, map));
            if (!result.TryAdd(entry.Id, entry))
            {
                throw Error(path, node, $"purpose '{entry.Id}' is defined twice");
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // PIPL Art. 19: data is kept no longer than the purpose needs, so the limit belongs to the purpose.
    private static int? RetentionDaysOf(string path, YamlMappingNode purpose)
    {
        if (Child(purpose, "retentionDays") is not { } node)
        {
            return null;
        }

        return node is YamlScalarNode { Value: { } text }
            && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            && days is >= 1 and <= 36_500
            ? days
            : throw Error(path, node, "'retentionDays' must be a whole number of days from 1 to 36500");
    }

    private static List<DatasetField> FieldsOf(string path, YamlMappingNode dataset)
    {
        var fields = new List<DatasetField>();
        if (Child(dataset, "fields") is not { } node)
        {
            return fields;
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(path, node, "'fields' must be a list");
        }

        foreach (var item in sequence.Children)
        {
            var map = AsMapping(path, item, "a field");
            fields.Add(new DatasetField(Required(path, map, "name"), Optional(map, "type") ?? string.Empty, Optional(map, "mask") ?? DatasetField.NoMask));
        }

        return fields;
    }

    private static YamlMappingNode ReadRoot(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException error)
        {
            throw new GovAuthZException(ErrorCode.CatalogInvalid, "invalid YAML: " + error.Message, LocationOf(path, error.Start), error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new GovAuthZException(ErrorCode.CatalogInvalid, $"cannot read '{path}': {error.Message}", new SourceLocation(path, 0, 0), error);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new GovAuthZException(ErrorCode.CatalogInvalid, "the file must hold one YAML mapping", new SourceLocation(path, 1, 1));
        }

        return root;
    }

    private static IList<YamlNode> RequiredSequence(string path, YamlMappingNode map, string key) =>
        Child(map, key) is YamlSequenceNode sequence
            ? sequence.Children
            : throw Error(path, map, $"'{key}' must be present and be a list");

    private static YamlMappingNode AsMapping(string path, YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(path, node, what + " must be a mapping");

    private static string Required(string path, YamlMappingNode map, string key)
    {
        var value = Optional(map, key);
        return string.IsNullOrEmpty(value) ? throw Error(path, map, $"'{key}' is missing or empty") : value;
    }

    private static string? Optional(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static GovAuthZException Error(string path, YamlNode node, string detail) =>
        new(ErrorCode.CatalogInvalid, detail, LocationOf(path, node.Start));

    private static SourceLocation LocationOf(string path, Mark mark) =>
        new(Path.GetFileName(path), checked((int)mark.Line), checked((int)mark.Column));
}
