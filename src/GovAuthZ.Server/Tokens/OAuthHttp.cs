using System.Text.Json;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Grants;
using Microsoft.Net.Http.Headers;

namespace GovAuthZ.Server.Tokens;

/// <summary>The HTTP side shared by the token, introspection and revocation endpoints.</summary>
internal static class OAuthHttp
{
    public const string FormMediaType = "application/x-www-form-urlencoded";

    /// <summary>RFC 6749 5.2: a 401 to a Basic request names the scheme; the realm is ours.</summary>
    public const string BasicChallenge = "Basic realm=\"govauthz\", charset=\"UTF-8\"";

    /// <summary>Whether a Content-Type is application/x-www-form-urlencoded, parameters (charset) aside.</summary>
    public static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && string.Equals(mediaType.MediaType.Value, FormMediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the form, keeping every value of a repeated parameter so the parameter parser can refuse
    /// duplicates (RFC 6749 3.1, 3.2). Form is null, with Error set, when the body is not a form.
    /// </summary>
    public static async Task<(List<KeyValuePair<string, string>>? Form, ErrorCode Error)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsForm(request.ContentType))
        {
            return (null, ErrorCode.TokenEndpointContentTypeInvalid);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return (null, ErrorCode.TokenRequestInvalidParameter);
        }

        var result = new List<KeyValuePair<string, string>>(form.Count);
        foreach (var (name, values) in form)
        {
            foreach (var value in values)
            {
                result.Add(new KeyValuePair<string, string>(name, value ?? string.Empty));
            }
        }

        return (result, ErrorCode.None);
    }

    /// <summary>RFC 6749 5.1 / RFC 7662 / RFC 7009: responses carrying or about credentials are never cached.</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }

    public static Task WriteJsonAsync<T>(HttpResponse response, int status, T body, CancellationToken cancellationToken)
    {
        NoStore(response);
        response.StatusCode = status;
        response.ContentType = "application/json;charset=UTF-8";
        return JsonSerializer.SerializeAsync(response.Body, body, cancellationToken: cancellationToken);
    }

    /// <summary>An RFC 6749 5.2 error body, with the Basic challenge when the request used Basic and got 401.</summary>
    public static Task WriteErrorAsync(HttpResponse response, TokenError error, bool usedBasic, CancellationToken cancellationToken)
    {
        if (error.HttpStatus == StatusCodes.Status401Unauthorized && usedBasic)
        {
            response.Headers.WWWAuthenticate = BasicChallenge;
        }

        return WriteJsonAsync(response, error.HttpStatus, TokenErrorResponse.From(error), cancellationToken);
    }
}
