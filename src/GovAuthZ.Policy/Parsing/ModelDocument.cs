using System.Collections.Immutable;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// A model file as written: its sections and their <c>key = value</c> assignments, with locations, and no
/// interpretation yet. <see cref="ModelDefinition.From"/> gives the values their meaning.
/// </summary>
internal sealed class ModelDocument
{
    public ModelDocument(string fileName, ImmutableArray<ModelSection> sections)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        FileName = fileName;
        Sections = sections.IsDefault ? [] : sections;
    }

    public string FileName { get; }

    /// <summary>Sections in the order their headers first appear.</summary>
    public ImmutableArray<ModelSection> Sections { get; }

    public ModelSection? FindSection(string name)
    {
        foreach (var section in Sections)
        {
            if (string.Equals(section.Name, name, StringComparison.Ordinal))
            {
                return section;
            }
        }

        return null;
    }
}
