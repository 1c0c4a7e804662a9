namespace GovAuthZ.Server.Tokens;

/// <summary>Events of the authorization endpoint (1330-1339). Never logs passwords, codes or request values beyond ids.</summary>
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
}
