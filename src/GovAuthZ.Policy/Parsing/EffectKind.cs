namespace GovAuthZ.Policy.Parsing;

/// <summary>The policy effects Casbin defines; each is recognised from its documented expression.</summary>
internal enum EffectKind
{
    /// <summary><c>some(where (p.eft == allow))</c>: allow if any matching rule allows.</summary>
    AllowOverride,

    /// <summary><c>!some(where (p.eft == deny))</c>: allow unless a matching rule denies.</summary>
    DenyOverride,

    /// <summary><c>some(where (p.eft == allow)) &amp;&amp; !some(where (p.eft == deny))</c>.</summary>
    AllowAndDeny,

    /// <summary><c>priority(p.eft) || deny</c>: the first matching rule by priority decides.</summary>
    Priority,

    /// <summary><c>subjectPriority(p.eft) || deny</c>: the rule of the nearest subject in the role tree decides.</summary>
    SubjectPriority,
}
