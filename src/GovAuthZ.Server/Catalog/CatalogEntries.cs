using System.Collections.Frozen;

namespace GovAuthZ.Server.Catalog;

/// <summary>A field of a dataset and the mask applied to it when records are released.</summary>
internal sealed record DatasetField(string Name, string Type, string Mask)
{
    /// <summary>The mask name that releases a value unchanged.</summary>
    public const string NoMask = "none";

    /// <summary>The mask name for values never released, only used for matching.</summary>
    public const string Redact = "redact";
}

/// <summary>
/// A catalog dataset: the attributes that become the request object <c>obj</c> of model.conf (id, owner,
/// region, grade, pi, sharing), plus its fields. Immutable once loaded.
/// </summary>
internal sealed record DatasetEntry(
    string Id,
    string Owner,
    string Region,
    string Grade,
    string Pi,
    string Sharing,
    IReadOnlyList<DatasetField> Fields);

/// <summary>A purpose code from purposes.yaml with its legal basis (PIPL Art. 13).</summary>
internal sealed record PurposeEntry(string Id, string LegalBasis, string? Law, int? RetentionDays = null)
{
    /// <summary>Longest retention the purpose justifies (purposes.yaml <c>retentionDays</c>), or null when none is set.</summary>
    public TimeSpan? Retention => RetentionDays is { } days ? TimeSpan.FromDays(days) : null;
}

/// <summary>
/// The dataset catalog and the purpose list, as immutable lookups keyed ordinally by id. Built once per
/// policy load and shared read-only by every request thread.
/// </summary>
internal sealed class PolicyCatalog
{
    public PolicyCatalog(FrozenDictionary<string, DatasetEntry> datasets, FrozenDictionary<string, PurposeEntry> purposes)
    {
        Datasets = datasets;
        Purposes = purposes;
    }

    public FrozenDictionary<string, DatasetEntry> Datasets { get; }

    public FrozenDictionary<string, PurposeEntry> Purposes { get; }
}
