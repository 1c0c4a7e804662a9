using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Users;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Grants;

/// <summary>
/// Token exchange (RFC 8693) for delegation: a confidential client presents an official's access token
/// (ours, any audience) and receives a token for the same official, with the official's attributes, an
/// act claim naming the client (section 4.1), and a scope that can only narrow: every requested scope
/// must be in the subject token and allowed to the client. Actor tokens are not supported.
/// </summary>
/// <remarks>
/// Only an official's token is a valid subject: a client's own token names no user to act for, and a
/// citizen's token is refused because delegation here serves officials' casework, and a citizen's
/// authority over their own data must not travel to other services without their consent. The issued
/// token's aud is the requested resource(s) (RFC 8707) and audience(s) (RFC 8693 2.1), each of which
/// must be registered for the client (or be the default audience); none requested means the default.
/// </remarks>
internal sealed class TokenExchangeHandler : ITokenRequestHandler
{
    private readonly TokenIntrospectionService _subjectTokens;
    private readonly AccessTokenIssuer _issuer;
    private readonly string _defaultAudience;

    public TokenExchangeHandler(TokenIntrospectionService subjectTokens, AccessTokenIssuer issuer, string defaultAudience)
    {
        _subjectTokens = subjectTokens;
        _issuer = issuer;
        _defaultAudience = defaultAudience;
    }

    public string? GrantType => GrantTypes.TokenExchange;

    public async ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var p = context.Parameters;
        var client = context.Client!;
        IReadOnlyList<string> targets = [];
        IReadOnlyList<string> scopes = [];
        var error = CheckRequest(p);
        if (error == ErrorCode.None)
        {
            error = ResolveTargets(p, client, out targets);
        }

        if (error != ErrorCode.None)
        {
            return TokenError.From(error);
        }

        var subject = await _subjectTokens.ValidateAnyAudienceAsync(p.Get(TokenRequestParameterNames.SubjectToken)!, cancellationToken).ConfigureAwait(false);
        if (subject.Token is not { } token)
        {
            return TokenError.From(ErrorCode.TokenExchangeSubjectTokenInvalid);
        }

        error = token.UserKind switch
        {
            UserKind.Official => NarrowScope(p.Scope, token, client, out scopes),
            UserKind.Citizen => ErrorCode.TokenExchangeSubjectNotOfficial,
            _ => ErrorCode.TokenExchangeSubjectNotUser,
        };
        if (error != ErrorCode.None)
        {
            return TokenError.From(error);
        }

        Issue(context, token, scopes, targets);
        return null;
    }

    private void Issue(TokenRequestContext context, ValidatedAccessToken token, IReadOnlyList<string> scopes, IReadOnlyList<string> targets)
    {
        var client = context.Client!;
        var issued = _issuer.Issue(new AccessTokenDescriptor
        {
            Subject = token.Subject,
            ClientId = client.ClientId,
            Scopes = scopes,
            AuthTime = token.AuthTime,
            Official = token.Official,
            ActorClientId = client.ClientId,
            Audiences = targets,
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
    }

    private static ErrorCode CheckRequest(TokenRequestParameters p)
    {
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

    /// <summary>
    /// The aud of the issued token: every resource (an absolute URI without fragment, RFC 8707 section 2)
    /// and audience (RFC 8693 2.1) requested, each registered for the client or the default audience
    /// (RFC 8693 2.2.2: invalid_target otherwise). Empty when none was requested.
    /// </summary>
    private ErrorCode ResolveTargets(TokenRequestParameters p, OAuthClient client, out IReadOnlyList<string> targets)
    {
        targets = [];
        if (p.Resources.Count == 0 && p.Audiences.Count == 0)
        {
            return ErrorCode.None;
        }

        var result = new List<string>(p.Resources.Count + p.Audiences.Count);
        foreach (var resource in p.Resources)
        {
            if (!OAuthClient.IsAbsoluteWithoutFragment(resource))
            {
                return ErrorCode.TokenExchangeTargetMalformed;
            }

            AddTarget(result, resource);
        }

        foreach (var audience in p.Audiences)
        {
            if (!OAuthClient.IsWellFormedTarget(audience))
            {
                return ErrorCode.TokenExchangeTargetMalformed;
            }

            AddTarget(result, audience);
        }

        foreach (var target in result)
        {
            if (!client.AllowsAudience(target) && !string.Equals(target, _defaultAudience, StringComparison.Ordinal))
            {
                return ErrorCode.TokenExchangeTargetNotAllowed;
            }
        }

        targets = result;
        return ErrorCode.None;
    }

    private static void AddTarget(List<string> targets, string target)
    {
        if (!targets.Contains(target, StringComparer.Ordinal))
        {
            targets.Add(target);
        }
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
