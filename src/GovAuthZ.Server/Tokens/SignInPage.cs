using System.Text;
using System.Text.Encodings.Web;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// The authorization endpoint's HTML: a sign-in form and an error page. Server-rendered, no script; every
/// value is HTML-encoded. The headers forbid framing (clickjacking, RFC 9700 4.16) and caching.
/// </summary>
internal static class SignInPage
{
    public static IResult Form(HttpContext http, string clientName, string scopes, string requestToken, string antiforgeryField, string antiforgeryToken, string? message)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder(1024)
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in - GovAuthZ</title></head><body>")
            .Append("<h1>Sign in</h1><p>").Append(e.Encode(clientName)).Append(" asks to act for you with: ").Append(e.Encode(scopes)).Append("</p>");
        if (message is not null)
        {
            html.Append("<p role=\"alert\">").Append(e.Encode(message)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"").Append(TokenEndpoints.AuthorizePath).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(e.Encode(antiforgeryField)).Append("\" value=\"").Append(e.Encode(antiforgeryToken)).Append("\">")
            .Append("<input type=\"hidden\" name=\"request\" value=\"").Append(e.Encode(requestToken)).Append("\">")
            .Append("<label>User id <input name=\"user_id\" autocomplete=\"username\" required></label><br>")
            .Append("<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label><br>")
            .Append("<button type=\"submit\">Sign in</button></form></body></html>");
        return Html(http, StatusCodes.Status200OK, html.ToString());
    }

    /// <summary>Shown instead of redirecting when the client or redirect URI cannot be trusted (RFC 6749 4.1.2.1).</summary>
    public static IResult Error(HttpContext http, int status, string error, string description)
    {
        var e = HtmlEncoder.Default;
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Authorization error - GovAuthZ</title></head><body><h1>Authorization error</h1><p>"
            + e.Encode(error) + ": " + e.Encode(description) + "</p></body></html>";
        return Html(http, status, html);
    }

    internal static IResult Html(HttpContext http, int status, string html)
    {
        var headers = http.Response.Headers;
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>
    /// Sends the browser on to a client with 303 (RFC 9700 4.12: a browser never re-posts a form, with the
    /// password in it, to the client), uncached and without a Referer naming our pages.
    /// </summary>
    internal static IResult SeeOther(HttpContext http, string location)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
