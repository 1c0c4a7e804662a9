using System.Collections.Frozen;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// A model with its definitions interpreted: request and policy token lists, role arities, recognised
/// effects and matcher sources. Immutable, so a compiled snapshot can hold it and share it across threads.
/// </summary>
internal sealed class ModelDefinition
{
    private readonly FrozenDictionary<string, SourceLocation> _locations;

    private ModelDefinition(
        string fileName,
        FrozenDictionary<string, RequestDefinition> requests,
        FrozenDictionary<string, PolicyDefinition> policies,
        FrozenDictionary<string, RoleDefinition> roles,
        FrozenDictionary<string, EffectDefinition> effects,
        FrozenDictionary<string, MatcherDefinition> matchers,
        FrozenDictionary<string, SourceLocation> locations)
    {
        FileName = fileName;
        Requests = requests;
        Policies = policies;
        Roles = roles;
        Effects = effects;
        Matchers = matchers;
        _locations = locations;
    }

    public string FileName { get; }

    /// <summary>Request definitions by key: <c>r</c>, <c>r2</c>, ...</summary>
    public IReadOnlyDictionary<string, RequestDefinition> Requests { get; }

    /// <summary>Policy definitions by key: <c>p</c>, <c>p2</c>, ...</summary>
    public IReadOnlyDictionary<string, PolicyDefinition> Policies { get; }

    /// <summary>Role definitions by key: <c>g</c>, <c>g2</c>, ...; empty when the model has no roles.</summary>
    public IReadOnlyDictionary<string, RoleDefinition> Roles { get; }

    /// <summary>Policy effects by key: <c>e</c>, <c>e2</c>, ...</summary>
    public IReadOnlyDictionary<string, EffectDefinition> Effects { get; }

    /// <summary>Matchers by key: <c>m</c>, <c>m2</c>, ...</summary>
    public IReadOnlyDictionary<string, MatcherDefinition> Matchers { get; }

    public static ModelDefinition Parse(string text, string fileName) => From(ModelParser.Parse(text, fileName));

    public static ModelDefinition From(ModelDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var requests = Build(document, ModelSections.Request, static a => new RequestDefinition(a.Key, DefinitionTokens.Names(a), a));
        var policies = Build(document, ModelSections.Policy, static a => new PolicyDefinition(a.Key, DefinitionTokens.Names(a), a));
        var roles = Build(document, ModelSections.Role, RoleDefinition.From);
        var effects = Build(document, ModelSections.Effect, a => EffectParser.Parse(a, policies));
        var matchers = Build(document, ModelSections.Matchers, static a => new MatcherDefinition(a.Key, a));

        // Keys are unique across sections because each section has its own letter.
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var section in document.Sections)
        {
            foreach (var assignment in section.Assignments)
            {
                locations.Add(assignment.Key, assignment.Location);
            }
        }

        return new ModelDefinition(
            document.FileName,
            requests,
            policies,
            roles,
            effects,
            matchers,
            locations.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Where the value of a definition (<c>r</c>, <c>p2</c>, <c>g</c>, <c>e</c>, <c>m</c>...) starts.</summary>
    public SourceLocation LocationOf(string key) =>
        _locations.TryGetValue(key, out var location)
            ? location
            : throw new KeyNotFoundException($"the model defines no '{key}'");

    public bool TryGetLocation(string key, out SourceLocation location) => _locations.TryGetValue(key, out location);

    private static FrozenDictionary<string, T> Build<T>(
        ModelDocument document, string sectionName, Func<ModelAssignment, T> create)
    {
        var section = document.FindSection(sectionName);
        if (section is null)
        {
            return FrozenDictionary<string, T>.Empty;
        }

        var definitions = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var assignment in DefinitionKeys.Ordered(section))
        {
            definitions.Add(assignment.Key, create(assignment));
        }

        return definitions.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
