namespace GovAuthZ.Server.Tokens;

/// <summary>Events of the authorization, consent and end-session endpoints (1330-1339). Never logs passwords, codes or request values beyond ids.</summary>
internal static partial class AuthorizeLog
{
    [LoggerMessage(EventId = 1330, EventName = "SignInFailed", Level = LogLevel.Information,
        Message = "Sign-in failed at the authorization endpoint for client {ClientId}")]
    public static partial void SignInFailed(ILogger logger, string clientId);

    [LoggerMessage(EventId = 1331, EventName = "AuthorizationCodeIssued", Level = LogLevel.Information,
        Message = "Authorization code issued to client {ClientId} for user {UserId}")]
    public static partial void CodeIssued(ILogger logger, string clientId, string userId);

    [LoggerMessage(EventId = 1332, EventName = "DevelopmentUsersSeeded", Level = LogLevel.Warning,
        Message = "Registered {Count} development users with published passwords; never use this data folder in production")]
    public static partial void DevelopmentUsersSeeded(ILogger logger, int count);

    [LoggerMessage(EventId = 1333, EventName = "SignInSessionStarted", Level = LogLevel.Information,
        Message = "Sign-in session started for user {UserId}")]
    public static partial void SessionStarted(ILogger logger, string userId);

    [LoggerMessage(EventId = 1334, EventName = "InteractionRequired", Level = LogLevel.Information,
        Message = "Authorization request of client {ClientId} with prompt=none answered {Error}")]
    public static partial void InteractionRequired(ILogger logger, string clientId, string error);

    [LoggerMessage(EventId = 1335, EventName = "ConsentGranted", Level = LogLevel.Information,
        Message = "User {UserId} granted scopes to client {ClientId}")]
    public static partial void ConsentGranted(ILogger logger, string clientId, string userId);

    [LoggerMessage(EventId = 1336, EventName = "ConsentDenied", Level = LogLevel.Information,
        Message = "User {UserId} denied the request of client {ClientId}")]
    public static partial void ConsentDenied(ILogger logger, string clientId, string userId);

    [LoggerMessage(EventId = 1337, EventName = "SignInSessionEnded", Level = LogLevel.Information,
        Message = "Sign-in session ended at the end-session endpoint (client {ClientId})")]
    public static partial void SessionEnded(ILogger logger, string clientId);

    [LoggerMessage(EventId = 1338, EventName = "EndSessionRefused", Level = LogLevel.Information,
        Message = "End-session request refused: GAZ{ErrorCode}")]
    public static partial void EndSessionRefused(ILogger logger, int errorCode);
}
