using System.Runtime.InteropServices;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Evaluation.Nodes;

namespace GovAuthZ.Policy.Indexing;

/// <summary>
/// Rules of one policy type grouped by the values of the fields an <see cref="IndexPlan"/> pins. Each bucket
/// lists rule positions in ascending order, so a search can stop at the first match in a bucket and skip
/// whatever lies beyond the best match found so far: the result is the lowest-positioned matching rule,
/// exactly what a scan of every rule in order would find.
/// </summary>
internal sealed class RuleIndex
{
    private readonly IndexPlan _plan;

    // Every bucket is a slice of _positions: one array for all buckets rather than one per bucket, because
    // large policies have mostly single-rule buckets and a million small arrays cost more than the rules.
    private readonly Dictionary<IndexKey, Bucket> _buckets;
    private readonly int[] _positions;
    private readonly int[] _all;

    private RuleIndex(IndexPlan plan, Dictionary<IndexKey, Bucket> buckets, int[] positions, int[] all)
    {
        _plan = plan;
        _buckets = buckets;
        _positions = positions;
        _all = all;
    }

    public int BucketCount => _buckets.Count;

    public IndexPlan Plan => _plan;

    public static RuleIndex Build(IndexPlan plan, string[][] rules)
    {
        var all = new int[rules.Length];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        var buckets = new Dictionary<IndexKey, Bucket>();
        if (plan.IsEmpty)
        {
            return new RuleIndex(plan, buckets, [], all);
        }

        Span<string?> values = new string?[IndexKey.MaxFields];
        for (var i = 0; i < rules.Length; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(buckets, RuleKey(plan, rules[i], values), out _).Count++;
        }

        // Lay the buckets out one after another, then fill each in ascending rule order. Setting values
        // through a reference changes no key, so enumerating while doing it is safe.
        var next = 0;
        foreach (var key in buckets.Keys)
        {
            ref var bucket = ref CollectionsMarshal.GetValueRefOrNullRef(buckets, key);
            var count = bucket.Count;
            bucket = new Bucket(next, 0);
            next += count;
        }

        var positions = new int[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            ref var bucket = ref CollectionsMarshal.GetValueRefOrNullRef(buckets, RuleKey(plan, rules[i], values));
            positions[bucket.Start + bucket.Count++] = i;
        }

        return new RuleIndex(plan, buckets, positions, all);
    }

    /// <summary>
    /// The position of the first rule (lowest position) whose effect is in <paramref name="wanted"/> and for
    /// which the matcher holds, or -1. Matcher errors propagate to the caller, which denies.
    /// <para>
    /// Relevance rule (documented in the README): only rules that could change the decision are evaluated,
    /// so only their errors deny. A rule is irrelevant when its effect is not the one searched for, or when
    /// a pinned conjunct rules it out. Pinned request values are checked before any rule: a non-string value
    /// in an equality-pinned slot can equal no policy field, so no rule is a candidate; a non-string subject
    /// or domain of the indexed g() is a type error for the whole request.
    /// </para>
    /// </summary>
    public int FindFirst(ref EvalFrame frame, Node matcher, string[][] rules, RuleEffect[] effects, RuleEffect wanted)
    {
        if (_plan.IsEmpty)
        {
            var found = Scan(_all, int.MaxValue, ref frame, matcher, rules, effects, wanted);
            return found == int.MaxValue ? -1 : found;
        }

        if (!TryRequestKey(ref frame, out var a, out var b, out var c, out var subject, out var domain))
        {
            return -1;
        }

        var best = Lookup(a, b, c, subject, int.MaxValue, ref frame, matcher, rules, effects, wanted);
        if (_plan.Role is null)
        {
            return best == int.MaxValue ? -1 : best;
        }

        var roles = _plan.Role.Links.RolesOf(subject!, domain);
        for (var i = 0; i < roles.Length; i++)
        {
            best = Lookup(a, b, c, roles[i], best, ref frame, matcher, rules, effects, wanted);
        }

        return best == int.MaxValue ? -1 : best;
    }

    private int Lookup(string? a, string? b, string? c, string? subject, int best, ref EvalFrame frame, Node matcher, string[][] rules, RuleEffect[] effects, RuleEffect wanted)
    {
        var key = ComposeKey(a, b, c, subject);
        return _buckets.TryGetValue(key, out var bucket)
            ? Scan(_positions.AsSpan(bucket.Start, bucket.Count), best, ref frame, matcher, rules, effects, wanted)
            : best;
    }

    private static int Scan(ReadOnlySpan<int> bucket, int best, ref EvalFrame frame, Node matcher, string[][] rules, RuleEffect[] effects, RuleEffect wanted)
    {
        foreach (var position in bucket)
        {
            if (position >= best)
            {
                break;
            }

            if ((effects[position] & wanted) == 0)
            {
                continue;
            }

            frame.Rule = rules[position];
            frame.RuleIndex = position;
            if (matcher.EvaluateBool(ref frame))
            {
                return position;
            }
        }

        return best;
    }

    /// <summary>
    /// Reads the pinned request values; false when an equality-pinned value is not a string (no rule can
    /// match it). Throws a type error when the indexed g() gets a non-string subject or domain.
    /// </summary>
    private bool TryRequestKey(ref EvalFrame frame, out string? a, out string? b, out string? c, out string? subject, out string? domain)
    {
        a = b = c = subject = domain = null;
        var slots = _plan.Slots;
        for (var i = 0; i < slots.Length; i++)
        {
            var text = frame.Request[slots[i]].AsString();
            if (text is null)
            {
                return false;
            }

            switch (i)
            {
                case 0: a = text; break;
                case 1: b = text; break;
                case 2: c = text; break;
                default: subject = text; break;
            }
        }

        if (_plan.Role is { } role)
        {
            subject = role.Name1.EvaluateString(ref frame, role.FirstArgumentRole);
            domain = role.Domain?.EvaluateString(ref frame, role.DomainArgumentRole);
        }

        return true;
    }

    private IndexKey ComposeKey(string? a, string? b, string? c, string? subject)
    {
        // Pinned equality fields come first, the role field (if any) last: the same order RuleKey uses.
        if (_plan.Role is null)
        {
            return new IndexKey(a, b, c, subject);
        }

        return _plan.Fields.Length switch
        {
            0 => new IndexKey(subject, null, null, null),
            1 => new IndexKey(a, subject, null, null),
            2 => new IndexKey(a, b, subject, null),
            _ => new IndexKey(a, b, c, subject),
        };
    }

    private static IndexKey RuleKey(IndexPlan plan, string[] rule, Span<string?> values)
    {
        var count = 0;
        foreach (var field in plan.Fields)
        {
            values[count++] = rule[field];
        }

        if (plan.RoleField >= 0)
        {
            values[count++] = rule[plan.RoleField];
        }

        return IndexKey.From(values[..count]);
    }

    /// <summary>Where a bucket's rule positions start in the shared array, and how many there are.</summary>
    private record struct Bucket(int Start, int Count);
}
