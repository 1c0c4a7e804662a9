using System.Collections.Immutable;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>One <c>[section]</c> of a model file with its assignments in file order.</summary>
internal sealed class ModelSection
{
    public ModelSection(string name, SourceLocation location, ImmutableArray<ModelAssignment> assignments)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Location = location;
        Assignments = assignments.IsDefault ? [] : assignments;
    }

    public string Name { get; }

    /// <summary>Where the section's header is (its first occurrence when the file reopens it).</summary>
    public SourceLocation Location { get; }

    public ImmutableArray<ModelAssignment> Assignments { get; }

    public ModelAssignment? Find(string key)
    {
        foreach (var assignment in Assignments)
        {
            if (string.Equals(assignment.Key, key, StringComparison.Ordinal))
            {
                return assignment;
            }
        }

        return null;
    }
}
