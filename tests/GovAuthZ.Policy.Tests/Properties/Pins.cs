using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Evaluation.Nodes;
using GovAuthZ.Policy.Indexing;

namespace GovAuthZ.Policy.Tests.Properties;

/// <summary>
/// The pinned conjuncts of a matcher, checked rule by rule as a plain filter (no buckets, no closures):
/// equality of request slot and policy field, and HasLink for the subject of g().
/// </summary>
internal sealed class Pins
{
    private readonly IndexPlan _plan;
    private readonly string? _subject;
    private readonly string? _domain;

    private Pins(IndexPlan plan, bool noCandidates, string? subject, string? domain)
    {
        _plan = plan;
        NoCandidates = noCandidates;
        _subject = subject;
        _domain = domain;
    }

    public bool NoCandidates { get; }

    public static Pins Of(Node root, ref EvalFrame frame)
    {
        var plan = IndexPlan.Analyze(root);
        foreach (var slot in plan.Slots)
        {
            if (frame.Request[slot].AsString() is null)
            {
                return new Pins(plan, noCandidates: true, null, null);
            }
        }

        if (plan.Role is not { } role)
        {
            return new Pins(plan, false, null, null);
        }

        var subject = role.Name1.Evaluate(ref frame).AsString()
            ?? throw new GovAuthZException(ErrorCode.EvalTypeMismatch, "g() subject is not a string");
        string? domain = null;
        if (role.Domain is not null)
        {
            domain = role.Domain.Evaluate(ref frame).AsString()
                ?? throw new GovAuthZException(ErrorCode.EvalTypeMismatch, "g() domain is not a string");
        }

        return new Pins(plan, false, subject, domain);
    }

    public bool Admit(string[] rule, ReadOnlySpan<Value> request)
    {
        for (var i = 0; i < _plan.Fields.Length; i++)
        {
            if (request[_plan.Slots[i]].AsString() != rule[_plan.Fields[i]])
            {
                return false;
            }
        }

        return _plan.Role is null || _plan.Role.Links.HasLink(_subject!, rule[_plan.RoleField], _domain);
    }
}
