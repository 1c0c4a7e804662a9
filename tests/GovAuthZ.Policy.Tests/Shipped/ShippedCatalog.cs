using YamlDotNet.RepresentationModel;

namespace GovAuthZ.Policy.Tests.Shipped;

internal sealed record CatalogDepartment(string Id, string? NameZh, string? NameEn, string? Region, string? Level);

internal sealed record CatalogField(string? Name, string? Type, string? Mask);

internal sealed record CatalogDataset(
    string? Id,
    string? NameZh,
    string? NameEn,
    string? Owner,
    string? Region,
    string? Grade,
    string? Pi,
    string? Sharing,
    IReadOnlyList<CatalogField> Fields);

internal sealed record CatalogPurpose(string? Id, string? NameZh, string? NameEn, string? LegalBasis, string? Law);

/// <summary>
/// policies/catalog.yaml and policies/purposes.yaml read into plain records. Missing keys stay null so
/// the consistency tests can report them instead of the loader throwing.
/// </summary>
internal sealed record ShippedCatalog(IReadOnlyList<CatalogDepartment> Departments, IReadOnlyList<CatalogDataset> Datasets)
{
    public static ShippedCatalog Load()
    {
        var root = ShippedPolicyFiles.LoadYaml(Path.Combine(ShippedPolicyFiles.Directory, "catalog.yaml"));
        var departments = ShippedPolicyFiles.Sequence(root, "departments").Cast<YamlMappingNode>()
            .Select(d => new CatalogDepartment(
                ShippedPolicyFiles.Text(d, "id") ?? string.Empty,
                NameOf(d, "zh"),
                NameOf(d, "en"),
                ShippedPolicyFiles.Text(d, "region"),
                ShippedPolicyFiles.Text(d, "level")))
            .ToList();
        var datasets = ShippedPolicyFiles.Sequence(root, "datasets").Cast<YamlMappingNode>().Select(DatasetOf).ToList();
        return new ShippedCatalog(departments, datasets);
    }

    public static List<CatalogPurpose> LoadPurposes()
    {
        var root = ShippedPolicyFiles.LoadYaml(Path.Combine(ShippedPolicyFiles.Directory, "purposes.yaml"));
        return ShippedPolicyFiles.Sequence(root, "purposes").Cast<YamlMappingNode>()
            .Select(p => new CatalogPurpose(
                ShippedPolicyFiles.Text(p, "id"),
                NameOf(p, "zh"),
                NameOf(p, "en"),
                ShippedPolicyFiles.Text(p, "legalBasis"),
                ShippedPolicyFiles.Text(p, "law")))
            .ToList();
    }

    private static CatalogDataset DatasetOf(YamlMappingNode d)
    {
        var fields = ShippedPolicyFiles.Sequence(d, "fields").Cast<YamlMappingNode>()
            .Select(f => new CatalogField(ShippedPolicyFiles.Text(f, "name"), ShippedPolicyFiles.Text(f, "type"), ShippedPolicyFiles.Text(f, "mask")))
            .ToList();
        return new CatalogDataset(
            ShippedPolicyFiles.Text(d, "id"),
            NameOf(d, "zh"),
            NameOf(d, "en"),
            ShippedPolicyFiles.Text(d, "owner"),
            ShippedPolicyFiles.Text(d, "region"),
            ShippedPolicyFiles.Text(d, "grade"),
            ShippedPolicyFiles.Text(d, "pi"),
            ShippedPolicyFiles.Text(d, "sharing"),
            fields);
    }

    private static string? NameOf(YamlMappingNode map, string language) =>
        ShippedPolicyFiles.Child(map, "name") is YamlMappingNode name ? ShippedPolicyFiles.Text(name, language) : null;
}
