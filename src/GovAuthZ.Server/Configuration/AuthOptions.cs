namespace GovAuthZ.Server.Configuration;

/// <summary>How callers of the decision API prove who they are.</summary>
internal enum AuthMode
{
    /// <summary>
    /// No token: every caller is trusted. For a policy enforcement point on the same host and for
    /// development; refused at startup unless every listener is on loopback.
    /// </summary>
    Local,

    /// <summary>Every call carries an access token issued by this server, with the scope its method needs.</summary>
    Bearer,
}

/// <summary>The <c>GovAuthZ:Auth</c> section.</summary>
internal sealed class AuthOptions
{
    public AuthMode Mode { get; set; } = AuthMode.Local;

    /// <summary>
    /// Verified access tokens kept so their signatures are not checked again on every call; 0 turns the
    /// cache off. Each entry holds the token text (about 1 KB), so the default bounds it near 10 MB.
    /// </summary>
    public int TokenCacheEntries { get; set; } = 10_000;
}
