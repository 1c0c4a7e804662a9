namespace GovAuthZ.Policy.Indexing;

/// <summary>The effect a rule carries in its eft column (allow when the model has none), as bit flags.</summary>
[Flags]
internal enum RuleEffect : byte
{
    None = 0,
    Allow = 1,
    Deny = 2,

    /// <summary>An eft value other than allow or deny: the rule matches but decides nothing.</summary>
    Indeterminate = 4,
}
