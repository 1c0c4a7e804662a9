using GovAuthZ.Policy.Evaluation.Nodes;

namespace GovAuthZ.Policy.Indexing;

/// <summary>
/// Which policy fields a matcher pins to request values. Only conjuncts of the top-level <c>&amp;&amp;</c>
/// chain qualify, because only there does a false conjunct rule a policy out: <c>r.x == p.y</c> pins
/// field y to request slot x; <c>g(r.sub, p.sub[, dom])</c> pins field sub to the subject or one of its
/// roles. Any rule the index skips would fail one of these conjuncts, so indexing never changes a decision.
/// </summary>
internal sealed class IndexPlan
{
    private IndexPlan(int[] fields, int[] slots, int roleField, RoleNode? role)
    {
        Fields = fields;
        Slots = slots;
        RoleField = roleField;
        Role = role;
    }

    /// <summary>Policy fields pinned by equality, at most <see cref="IndexKey.MaxFields"/> with the role field.</summary>
    public int[] Fields { get; }

    /// <summary>The request slot each of <see cref="Fields"/> is compared with.</summary>
    public int[] Slots { get; }

    /// <summary>The policy field holding the subject of the role conjunct, or -1.</summary>
    public int RoleField { get; }

    public RoleNode? Role { get; }

    public bool IsEmpty => Fields.Length == 0 && RoleField < 0;

    public static IndexPlan Analyze(Node root)
    {
        var conjuncts = new List<Node>();
        Flatten(root, conjuncts);
        RoleNode? role = null;
        var roleField = -1;
        var fields = new List<int>();
        var slots = new List<int>();
        foreach (var conjunct in conjuncts)
        {
            if (role is null && TryRole(conjunct, out var node, out var field))
            {
                role = node;
                roleField = field;
            }
            else if (TryEquality(conjunct, out var policyField, out var slot) && !fields.Contains(policyField))
            {
                fields.Add(policyField);
                slots.Add(slot);
            }
        }

        RemovePinnedRoleField(fields, slots, roleField);
        var room = IndexKey.MaxFields - (roleField >= 0 ? 1 : 0);
        while (fields.Count > room)
        {
            fields.RemoveAt(fields.Count - 1);
            slots.RemoveAt(slots.Count - 1);
        }

        return new IndexPlan([.. fields], [.. slots], roleField, role);
    }

    private static void RemovePinnedRoleField(List<int> fields, List<int> slots, int roleField)
    {
        var position = fields.IndexOf(roleField);
        if (position >= 0)
        {
            fields.RemoveAt(position);
            slots.RemoveAt(position);
        }
    }

    private static void Flatten(Node node, List<Node> conjuncts)
    {
        if (node is AndNode and)
        {
            Flatten(and.Left, conjuncts);
            Flatten(and.Right, conjuncts);
            return;
        }

        conjuncts.Add(node);
    }

    private static bool TryEquality(Node node, out int field, out int slot)
    {
        field = -1;
        slot = -1;
        if (node is not EqualityNode { Negate: false } equality)
        {
            return false;
        }

        (field, slot) = (equality.Left, equality.Right) switch
        {
            (RequestNode r, PolicyFieldNode p) => (p.Field, r.Slot),
            (PolicyFieldNode p, RequestNode r) => (p.Field, r.Slot),
            _ => (-1, -1),
        };
        return field >= 0;
    }

    private static bool TryRole(Node node, out RoleNode role, out int field)
    {
        role = null!;
        field = -1;
        if (node is not RoleNode candidate || candidate.Links.HasNamePatterns)
        {
            return false;
        }

        if (candidate.Name1 is not RequestNode || candidate.Name2 is not PolicyFieldNode subject)
        {
            return false;
        }

        if (candidate.Domain is not (null or RequestNode or ConstantNode))
        {
            return false;
        }

        role = candidate;
        field = subject.Field;
        return true;
    }
}
