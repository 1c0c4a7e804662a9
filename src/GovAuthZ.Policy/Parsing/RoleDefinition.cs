using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// A role definition: <c>g = _, _</c> (member, role) or <c>g = _, _, _</c> (member, role, domain). The
/// underscores only count the fields of a grouping rule.
/// </summary>
internal sealed class RoleDefinition
{
    public RoleDefinition(string key, int arity, ModelAssignment source)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arity, 2);
        Key = key;
        Arity = arity;
        Source = source;
    }

    public string Key { get; }

    /// <summary>The number of fields of a grouping rule of this type; at least 2.</summary>
    public int Arity { get; }

    /// <summary>Whether the third field scopes the link to a domain (tenant).</summary>
    public bool HasDomain => Arity >= 3;

    public ModelAssignment Source { get; }

    public SourceLocation Location => Source.Location;

    public static RoleDefinition From(ModelAssignment assignment)
    {
        var tokens = DefinitionTokens.Split(assignment.Value);
        foreach (var token in tokens)
        {
            if (!string.Equals(token.Text, "_", StringComparison.Ordinal))
            {
                throw new GovAuthZException(
                    ErrorCode.ModelInvalidDefinition,
                    $"role definition '{assignment.Key}' must be a list of '_' such as '_, _' or '_, _, _'; "
                    + $"found '{token.Text}'",
                    assignment.LocationAt(token.Offset));
            }
        }

        if (tokens.Count < 2)
        {
            throw new GovAuthZException(
                ErrorCode.ModelInvalidDefinition,
                $"role definition '{assignment.Key}' needs at least two fields ('_, _')",
                assignment.Location);
        }

        return new RoleDefinition(assignment.Key, tokens.Count, assignment);
    }
}
