using System.Text.RegularExpressions;

namespace GovAuthZ.Policy.Tests.Shipped;

/// <summary>policies/catalog.yaml and policies/purposes.yaml parse and are internally consistent.</summary>
public sealed partial class ShippedCatalogTests
{
    private static readonly string[] Grades = ["general", "important", "core"];
    private static readonly string[] PersonalInformation = ["none", "personal", "sensitive"];
    private static readonly string[] SharingTypes = ["unconditional", "conditional", "none"];
    private static readonly string[] Masks = ["none", "keep-first-6-last-4", "keep-first-3-last-4", "keep-last-4", "district-only", "surname-only", "redact"];
    private static readonly string[] LegalBases = ["consent", "separate-consent", "statutory-duty"];

    [Fact]
    public void Catalog_WhenParsed_HasAboutThirtyDatasetsOfAtLeastEightDepartmentKinds()
    {
        var catalog = ShippedCatalog.Load();
        var kinds = catalog.Datasets.Select(d => KindOf(d.Owner!)).Distinct(StringComparer.Ordinal).ToList();

        Assert.InRange(catalog.Datasets.Count, 25, 60);
        Assert.True(kinds.Count >= 8, "department kinds owning data: " + string.Join(", ", kinds));
    }

    [Fact]
    public void Catalog_WhenParsed_IdsAreUnique()
    {
        var catalog = ShippedCatalog.Load();

        AssertUnique(catalog.Departments.Select(d => d.Id), "department");
        AssertUnique(catalog.Datasets.Select(d => d.Id ?? string.Empty), "dataset");
    }

    [Fact]
    public void Catalog_WhenParsed_EveryDatasetIsCompleteAndValid()
    {
        var catalog = ShippedCatalog.Load();
        var departments = catalog.Departments.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var dataset in catalog.Datasets)
        {
            var at = $"dataset '{dataset.Id}'";
            Assert.False(string.IsNullOrWhiteSpace(dataset.Id), at + " has no id");
            Assert.False(string.IsNullOrWhiteSpace(dataset.NameZh), at + " has no Chinese name");
            Assert.False(string.IsNullOrWhiteSpace(dataset.NameEn), at + " has no English name");
            Assert.True(dataset.Owner is not null && departments.Contains(dataset.Owner), $"{at}: unknown owner '{dataset.Owner}'");
            Assert.True(IsRegionCode(dataset.Region), $"{at}: region '{dataset.Region}' is not a 6-digit code");
            Assert.Contains(dataset.Grade, Grades);
            Assert.Contains(dataset.Pi, PersonalInformation);
            Assert.Contains(dataset.Sharing, SharingTypes);
            Assert.NotEmpty(dataset.Fields);
        }
    }

    [Fact]
    public void Catalog_WhenParsed_FieldsHaveKnownMasksAndIdentifiersAreNeverReleasedInFull()
    {
        foreach (var dataset in ShippedCatalog.Load().Datasets)
        {
            AssertUnique(dataset.Fields.Select(f => f.Name ?? string.Empty), $"field of dataset '{dataset.Id}'");
            foreach (var field in dataset.Fields)
            {
                var at = $"dataset '{dataset.Id}' field '{field.Name}'";
                Assert.True(field.Mask is not null && Masks.Contains(field.Mask), $"{at}: unknown mask '{field.Mask}'");
                Assert.False(string.IsNullOrWhiteSpace(field.Type), at + " has no type");
                if (field.Type is "id_number" or "phone" && dataset.Pi != "none")
                {
                    Assert.True(field.Mask != "none", $"{at}: a personal {field.Type} must be masked");
                }
            }
        }
    }

    [Fact]
    public void Catalog_WhenParsed_DepartmentsHaveValidRegionsAndLevels()
    {
        foreach (var department in ShippedCatalog.Load().Departments)
        {
            var at = $"department '{department.Id}'";
            Assert.True(IsRegionCode(department.Region), $"{at}: region '{department.Region}' is not a 6-digit code");
            Assert.Contains(department.Level, new[] { "1", "2", "3", "4", "5" });
            Assert.False(string.IsNullOrWhiteSpace(department.NameZh), at + " has no Chinese name");
            Assert.False(string.IsNullOrWhiteSpace(department.NameEn), at + " has no English name");
        }
    }

    [Fact]
    public void Purposes_WhenParsed_AreUniqueAndEachHasALegalBasis()
    {
        var purposes = ShippedCatalog.LoadPurposes();

        Assert.InRange(purposes.Count, 8, 30);
        AssertUnique(purposes.Select(p => p.Id ?? string.Empty), "purpose");
        foreach (var purpose in purposes)
        {
            var at = $"purpose '{purpose.Id}'";
            Assert.False(string.IsNullOrWhiteSpace(purpose.Id), at + " has no id");
            Assert.False(string.IsNullOrWhiteSpace(purpose.NameZh), at + " has no Chinese name");
            Assert.False(string.IsNullOrWhiteSpace(purpose.NameEn), at + " has no English name");
            Assert.True(purpose.LegalBasis is not null && LegalBases.Contains(purpose.LegalBasis), $"{at}: legal basis '{purpose.LegalBasis}'");
        }
    }

    [Fact]
    public void Purposes_WhenStatutoryDuty_CiteALaw()
    {
        var purposes = ShippedCatalog.LoadPurposes();

        Assert.Contains(purposes, p => p.LegalBasis == "statutory-duty");
        foreach (var purpose in purposes.Where(p => p.LegalBasis == "statutory-duty"))
        {
            Assert.False(string.IsNullOrWhiteSpace(purpose.Law), $"purpose '{purpose.Id}' is a statutory duty but cites no law");
        }
    }

    /// <summary>The department kind is the id without its region suffix (tax_js and tax_nj are both tax).</summary>
    private static string KindOf(string department) => department[..department.LastIndexOf('_')];

    private static bool IsRegionCode(string? region) => region is not null && RegionCode().IsMatch(region);

    private static void AssertUnique(IEnumerable<string> ids, string what)
    {
        var duplicates = ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"duplicate {what} ids: {string.Join(", ", duplicates)}");
    }

    [GeneratedRegex("^[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionCode();
}
