using System.Text;
using System.Text.Encodings.Web;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// The consent page, the logout confirmation and the signed-out page. Like the sign-in form: no script,
/// every value HTML-encoded, and <see cref="SignInPage.Html"/>'s headers (no framing, no caching).
/// </summary>
internal static class InteractionPages
{
    /// <summary>OIDC Core 3.1.2.4: the user sees who asks and for what, and allows or denies.</summary>
    public static IResult Consent(HttpContext http, string clientName, IReadOnlyList<string> scopes, string requestToken, string antiforgeryField, string antiforgeryToken)
    {
        var e = HtmlEncoder.Default;
        var html = Start("Allow access - GovAuthZ")
            .Append("<h1>Allow access?</h1><p>").Append(e.Encode(clientName)).Append(" is not run by this service and asks to act for you with:</p><ul>");
        foreach (var scope in scopes)
        {
            html.Append("<li>").Append(e.Encode(scope)).Append("</li>");
        }

        html.Append("</ul><form method=\"post\" action=\"").Append(AuthorizeEndpoints.ConsentPath).Append("\">");
        Hidden(html, antiforgeryField, antiforgeryToken);
        Hidden(html, "request", requestToken);
        html.Append("<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button> ")
            .Append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form></body></html>");
        return SignInPage.Html(http, StatusCodes.Status200OK, html.ToString());
    }

    /// <summary>RP-Initiated Logout 1.0 section 2: without a hint we trust, the user confirms (no logout by a forged link).</summary>
    public static IResult ConfirmLogout(HttpContext http, string requestToken, string antiforgeryField, string antiforgeryToken)
    {
        var html = Start("Sign out - GovAuthZ").Append("<h1>Sign out?</h1><p>Do you want to sign out of GovAuthZ?</p>")
            .Append("<form method=\"post\" action=\"").Append(AuthorizeEndpoints.EndSessionPath).Append("\">");
        Hidden(html, antiforgeryField, antiforgeryToken);
        Hidden(html, "request", requestToken);
        html.Append("<button type=\"submit\">Sign out</button></form></body></html>");
        return SignInPage.Html(http, StatusCodes.Status200OK, html.ToString());
    }

    public static IResult SignedOut(HttpContext http) =>
        SignInPage.Html(http, StatusCodes.Status200OK, Start("Signed out - GovAuthZ").Append("<h1>Signed out</h1><p>You have been signed out.</p></body></html>").ToString());

    private static StringBuilder Start(string title) =>
        new StringBuilder(1024).Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title></head><body>");

    private static void Hidden(StringBuilder html, string name, string value)
    {
        var e = HtmlEncoder.Default;
        html.Append("<input type=\"hidden\" name=\"").Append(e.Encode(name)).Append("\" value=\"").Append(e.Encode(value)).Append("\">");
    }
}
