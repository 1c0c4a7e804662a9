using GovAuthZ.Core.Errors;

namespace GovAuthZ.Tokens.Clients;

/// <summary>
/// Authenticates the client of a token-endpoint request: client_secret_basic, client_secret_post,
/// private_key_jwt, or none for public clients. RFC 6749 section 2.3: a request using more than one method
/// is refused. Each client may use only the methods it registered. Thread-safe; create once.
/// </summary>
public sealed class ClientAuthenticator
{
    // Verified against when the client is unknown, so both failures cost the same time and an observer
    // cannot learn which client ids exist.
    private static readonly string DecoyHash = ClientSecretHasher.Hash(ClientSecretHasher.GenerateSecret());

    private readonly IClientStore _clients;
    private readonly ClientAssertionValidator _assertions;

    public ClientAuthenticator(TokenOptions options, IClientStore clients, IClientAssertionReplayCache replayCache, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _assertions = new ClientAssertionValidator(options, replayCache, timeProvider);
    }

    public async ValueTask<ClientAuthenticationResult> AuthenticateAsync(ClientCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var basic = BasicCredentials.IsBasic(credentials.AuthorizationHeader);
        var post = credentials.ClientSecret is not null;
        var assertion = credentials.ClientAssertion is not null || credentials.ClientAssertionType is not null;
        if ((basic ? 1 : 0) + (post ? 1 : 0) + (assertion ? 1 : 0) > 1)
        {
            return ClientAuthenticationResult.Failure(ErrorCode.ClientAuthenticationMultipleMethods, basic);
        }

        if (basic)
        {
            return await AuthenticateBasicAsync(credentials, cancellationToken).ConfigureAwait(false);
        }

        if (post)
        {
            return string.IsNullOrEmpty(credentials.ClientId)
                ? ClientAuthenticationResult.Failure(ErrorCode.ClientAuthenticationMalformed)
                : await VerifySecretAsync(credentials.ClientId, credentials.ClientSecret!, ClientAuthenticationMethods.ClientSecretPost, cancellationToken).ConfigureAwait(false);
        }

        if (assertion)
        {
            return await AuthenticateAssertionAsync(credentials, cancellationToken).ConfigureAwait(false);
        }

        return await AuthenticatePublicAsync(credentials.ClientId, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ClientAuthenticationResult> AuthenticateBasicAsync(ClientCredentials credentials, CancellationToken cancellationToken)
    {
        if (!BasicCredentials.TryParse(credentials.AuthorizationHeader!, out var clientId, out var secret))
        {
            return ClientAuthenticationResult.Failure(ErrorCode.ClientAuthenticationMalformed, usedBasic: true);
        }

        if (credentials.ClientId is not null && !string.Equals(credentials.ClientId, clientId, StringComparison.Ordinal))
        {
            return ClientAuthenticationResult.Failure(ErrorCode.ClientIdMismatch, usedBasic: true);
        }

        return await VerifySecretAsync(clientId, secret, ClientAuthenticationMethods.ClientSecretBasic, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ClientAuthenticationResult> VerifySecretAsync(string clientId, string secret, string method, CancellationToken cancellationToken)
    {
        var usedBasic = method == ClientAuthenticationMethods.ClientSecretBasic;
        var client = await _clients.FindByIdAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            _ = ClientSecretHasher.Verify(secret, DecoyHash);
            return ClientAuthenticationResult.Failure(ErrorCode.ClientUnknown, usedBasic);
        }

        if (!client.AllowsAuthenticationMethod(method))
        {
            return ClientAuthenticationResult.Failure(ErrorCode.ClientAuthenticationMethodNotAllowed, usedBasic);
        }

        // Every registered hash is checked (no early exit), so timing does not reveal which one matched.
        var matched = false;
        foreach (var hash in client.SecretHashes)
        {
            matched |= ClientSecretHasher.Verify(secret, hash);
        }

        return matched
            ? ClientAuthenticationResult.Success(client, method)
            : ClientAuthenticationResult.Failure(ErrorCode.ClientSecretInvalid, usedBasic);
    }

    private async ValueTask<ClientAuthenticationResult> AuthenticateAssertionAsync(ClientCredentials credentials, CancellationToken cancellationToken)
    {
        if (!string.Equals(credentials.ClientAssertionType, ClientAuthenticationMethods.JwtBearerAssertionType, StringComparison.Ordinal))
        {
            return ClientAuthenticationResult.Failure(ErrorCode.ClientAssertionTypeUnsupported);
        }

        if (string.IsNullOrEmpty(credentials.ClientAssertion))
        {
            return ClientAuthenticationResult.Failure(ErrorCode.ClientAuthenticationMalformed);
        }

        return await _assertions.ValidateAsync(credentials.ClientAssertion, credentials.ClientId, _clients, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ClientAuthenticationResult> AuthenticatePublicAsync(string? clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return ClientAuthenticationResult.Failure(ErrorCode.ClientAuthenticationMissing);
        }

        var client = await _clients.FindByIdAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ClientAuthenticationResult.Failure(ErrorCode.ClientUnknown);
        }

        // A confidential client that sent no credential is not authenticated, whatever its client_id says.
        return client.Type == ClientType.Public && client.AllowsAuthenticationMethod(ClientAuthenticationMethods.None)
            ? ClientAuthenticationResult.Success(client, ClientAuthenticationMethods.None)
            : ClientAuthenticationResult.Failure(ErrorCode.ClientAuthenticationMissing);
    }
}
