using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Grants;

/// <summary>
/// Token exchange (RFC 8693) for delegation: a confidential client presents an official's access token
/// (ours, any audience) and receives a token for the same official, with the official's attributes, an
/// act claim naming the client (section 4.1), and a scope that can only narrow: every requested scope
/// must be in the subject token and allowed to the client. Actor tokens are not supported.
/// </summary>
internal sealed class TokenExchangeHandler : ITokenRequestHandler
{
    private readonly TokenIntrospectionService _subjectTokens;
    private readonly AccessTokenIssuer _issuer;

    public TokenExchangeHandler(TokenIntrospectionService subjectTokens, AccessTokenIssuer issuer)
    {
        _subjectTokens = subjectTokens;
        _issuer = issuer;
    }

    public string? GrantType => GrantTypes.TokenExchange;

    public async ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var p = context.Parameters;
        var client = context.Client!;
        var error = CheckRequest(p, client);
        if (error != ErrorCode.None)
        {
            return TokenError.From(error);
        }

        var subject = await _subjectTokens.ValidateAnyAudienceAsync(p.Get(TokenRequestParameterNames.SubjectToken)!, cancellationToken).ConfigureAwait(false);
        if (subject.Token is not { } token)
        {
            return TokenError.From(ErrorCode.TokenExchangeSubjectTokenInvalid);
        }

        error = NarrowScope(p.Scope, token, client, out var scopes);
        if (error != ErrorCode.None)
        {
            return TokenError.From(error);
        }

        var issued = _issuer.Issue(new AccessTokenDescriptor
        {
            Subject = token.Subject,
            ClientId = client.ClientId,
            Scopes = scopes,
            AuthTime = token.AuthTime,
            Official = token.Official,
            ActorClientId = client.ClientId,
        });
        context.GrantedScopes = scopes;
        context.IssuedAccessToken = issued;
        context.Response = new TokenResponse
        {
            AccessToken = issued.Token,
            ExpiresIn = issued.ExpiresIn,
            Scope = string.Join(' ', scopes),
            IssuedTokenType = TokenTypeIdentifiers.AccessToken,
        };
        return null;
    }

    private static ErrorCode CheckRequest(TokenRequestParameters p, OAuthClient client)
    {
        if (client.Type != ClientType.Confidential)
        {
            return ErrorCode.GrantRequiresConfidentialClient;
        }

        if (p.Get(TokenRequestParameterNames.ActorToken) is not null || p.Get(TokenRequestParameterNames.ActorTokenType) is not null)
        {
            return ErrorCode.TokenExchangeActorTokenUnsupported;
        }

        var subjectTokenType = p.Get(TokenRequestParameterNames.SubjectTokenType);
        if (p.Get(TokenRequestParameterNames.SubjectToken) is null || subjectTokenType is null)
        {
            return ErrorCode.TokenRequestMissingParameter;
        }

        var requested = p.Get(TokenRequestParameterNames.RequestedTokenType);
        return subjectTokenType == TokenTypeIdentifiers.AccessToken && (requested is null || requested == TokenTypeIdentifiers.AccessToken)
            ? ErrorCode.None
            : ErrorCode.TokenExchangeTokenTypeUnsupported;
    }

    /// <summary>No scope requested: what the subject token and the client share. Requested: each must be in both.</summary>
    private static ErrorCode NarrowScope(string? scope, ValidatedAccessToken subject, OAuthClient client, out IReadOnlyList<string> scopes)
    {
        scopes = [];
        if (scope is null)
        {
            var shared = new List<string>(subject.Scopes.Count);
            foreach (var name in subject.Scopes)
            {
                if (client.AllowsScope(name))
                {
                    shared.Add(name);
                }
            }

            scopes = shared;
            return shared.Count > 0 ? ErrorCode.None : ErrorCode.ScopeNotAllowed;
        }

        if (!ScopeParser.TryParse(scope, out var requested))
        {
            return ErrorCode.ScopeMalformed;
        }

        foreach (var name in requested)
        {
            if (!subject.HasScope(name) || !client.AllowsScope(name))
            {
                return ErrorCode.TokenExchangeScopeWidened;
            }
        }

        scopes = requested;
        return ErrorCode.None;
    }
}
