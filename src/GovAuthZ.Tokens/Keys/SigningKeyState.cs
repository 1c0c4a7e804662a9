namespace GovAuthZ.Tokens.Keys;

/// <summary>Where a key stands at a given instant. Every state is derived from the key's times, never stored.</summary>
public enum SigningKeyState
{
    /// <summary>In the JWKS, not yet signing: verifiers learn it before the first token it signs.</summary>
    Published,

    /// <summary>The one key that signs new tokens.</summary>
    Active,

    /// <summary>No longer signs; stays in the JWKS until every token it signed has expired.</summary>
    Retired,

    /// <summary>Gone from the JWKS; tokens naming it fail validation.</summary>
    Removed,
}
