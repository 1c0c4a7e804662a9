using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Roles;

/// <summary>
/// Build-time adjacency of one domain: names given dense ids in order of first appearance, duplicate
/// links dropped (the first one's location kept), and the subset of links written literally in the
/// domain kept apart for subject priority.
/// </summary>
internal sealed class GraphShape
{
    private readonly Dictionary<long, SourceLocation> _locations = [];

    public GraphShape(IReadOnlyList<RoleLink> links, IReadOnlyList<bool> isLiteral)
    {
        var names = new List<string>();
        var own = new List<List<int>>();
        var literal = new List<List<int>>();
        AllLiteral = true;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var from = Intern(link.Name1, names, own, literal);
            var to = Intern(link.Name2, names, own, literal);
            var key = ((long)from << 32) | (uint)to;
            if (_locations.TryAdd(key, link.Location))
            {
                own[from].Add(to);
            }

            if (isLiteral[i])
            {
                HasLiteralLinks = true;
                if (!literal[from].Contains(to))
                {
                    literal[from].Add(to);
                }
            }
            else
            {
                AllLiteral = false;
            }
        }

        Names = [.. names];
        OwnRoles = ToArrays(own);
        LiteralRoles = AllLiteral ? OwnRoles : ToArrays(literal);
    }

    public Dictionary<string, int> Ids { get; } = new(StringComparer.Ordinal);

    public string[] Names { get; }

    public int[][] OwnRoles { get; }

    public int[][] LiteralRoles { get; }

    public bool HasLiteralLinks { get; }

    public bool AllLiteral { get; }

    public SourceLocation LocationOf(int from, int to)
        => _locations.TryGetValue(((long)from << 32) | (uint)to, out var location) ? location : SourceLocation.None;

    private int Intern(string name, List<string> names, List<List<int>> own, List<List<int>> literal)
    {
        if (Ids.TryGetValue(name, out var id))
        {
            return id;
        }

        id = names.Count;
        Ids.Add(name, id);
        names.Add(name);
        own.Add([]);
        literal.Add([]);
        return id;
    }

    private static int[][] ToArrays(List<List<int>> lists)
    {
        var arrays = new int[lists.Count][];
        for (var i = 0; i < lists.Count; i++)
        {
            arrays[i] = lists[i].Count == 0 ? [] : [.. lists[i]];
        }

        return arrays;
    }
}
