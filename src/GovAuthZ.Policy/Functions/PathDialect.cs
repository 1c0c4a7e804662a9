namespace GovAuthZ.Policy.Functions;

/// <summary>How a key-match pattern writes its named parameters.</summary>
internal enum PathDialect : byte
{
    /// <summary>keyMatch2 / keyGet2: <c>:name</c> runs to the next '/' or the end.</summary>
    Colon,

    /// <summary>keyMatch3/4/5: <c>{name}</c> runs to the LAST '}' before the next '/' (greedy).</summary>
    Brace,

    /// <summary>keyGet3: <c>{name}</c> runs to the FIRST '}' and the value is captured lazily.</summary>
    BraceLazy,
}
