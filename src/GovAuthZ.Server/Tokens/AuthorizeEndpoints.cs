namespace GovAuthZ.Server.Tokens;

/// <summary>Maps the consent form's target and the end-session endpoint next to /oauth/authorize.</summary>
internal static class AuthorizeEndpoints
{
    public const string ConsentPath = "/oauth/consent";
    public const string EndSessionPath = "/oauth/end-session";

    public static void MapInteraction(WebApplication app)
    {
        // Antiforgery is checked by the handlers themselves (the confirm form); an RP's own logout POST has none.
        app.MapPost(ConsentPath, ConsentEndpoint.PostAsync).DisableAntiforgery();
        app.MapGet(EndSessionPath, EndSessionEndpoint.GetAsync);
        app.MapPost(EndSessionPath, EndSessionEndpoint.PostAsync).DisableAntiforgery();
    }
}
