using GovAuthZ.Core.Errors;

namespace GovAuthZ.Tokens.Grants;

/// <summary>
/// A token-endpoint request as the host parsed it: the form parameters in order (a parameter sent twice
/// appears twice) and the raw Authorization header.
/// </summary>
public sealed class TokenEndpointRequest
{
    public IReadOnlyList<KeyValuePair<string, string>> Form { get; init; } = [];

    public string? AuthorizationHeader { get; init; }
}

/// <summary>
/// The form parameters, checked once: RFC 6749 section 3.2 says a parameter without a value is treated as
/// omitted, and sections 3.1/3.2 that request parameters must not repeat (resource, RFC 8707, and
/// audience, RFC 8693 2.1, may).
/// </summary>
public sealed class TokenRequestParameters
{
    private readonly Dictionary<string, string> _single;
    private readonly List<string> _resources;
    private readonly List<string> _audiences;

    private TokenRequestParameters(Dictionary<string, string> single, List<string> resources, List<string> audiences)
    {
        _single = single;
        _resources = resources;
        _audiences = audiences;
    }

    public string? GrantType => Get(TokenRequestParameterNames.GrantType);

    public string? Scope => Get(TokenRequestParameterNames.Scope);

    public string? ClientId => Get(TokenRequestParameterNames.ClientId);

    /// <summary>RFC 8707 resource indicators, in the order sent.</summary>
    public IReadOnlyList<string> Resources => _resources;

    /// <summary>RFC 8693 2.1 audience values (logical names of target services), in the order sent.</summary>
    public IReadOnlyList<string> Audiences => _audiences;

    public string? Get(string name) => _single.TryGetValue(name, out var value) ? value : null;

    public static bool TryParse(IReadOnlyList<KeyValuePair<string, string>> form, out TokenRequestParameters parameters, out ErrorCode error)
    {
        ArgumentNullException.ThrowIfNull(form);
        var single = new Dictionary<string, string>(form.Count, StringComparer.Ordinal);
        var resources = new List<string>();
        var audiences = new List<string>();
        parameters = null!;
        foreach (var (name, value) in form)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (name == TokenRequestParameterNames.Resource)
            {
                resources.Add(value);
            }
            else if (name == TokenRequestParameterNames.Audience)
            {
                audiences.Add(value);
            }
            else if (!single.TryAdd(name, value))
            {
                error = ErrorCode.TokenRequestDuplicateParameter;
                return false;
            }
        }

        parameters = new TokenRequestParameters(single, resources, audiences);
        error = ErrorCode.None;
        return true;
    }
}
