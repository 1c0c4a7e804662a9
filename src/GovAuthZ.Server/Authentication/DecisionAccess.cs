using GovAuthZ.Tokens.Clients;

namespace GovAuthZ.Server.Authentication;

/// <summary>
/// What both transports need to admit a decision call: who the caller is, and whether it may ask about
/// the principals in its request. One instance per server.
/// </summary>
internal sealed class DecisionAccess
{
    public DecisionAccess(CallerAuthenticator authenticator, IClientStore? clients = null)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        Authenticator = authenticator;
        Principals = new PrincipalResolver(authenticator, clients);
    }

    public CallerAuthenticator Authenticator { get; }

    public PrincipalResolver Principals { get; }
}
