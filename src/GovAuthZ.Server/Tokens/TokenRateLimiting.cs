using System.Threading.RateLimiting;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// A fixed-window limit on the token endpoint per client address, so one host cannot use the endpoint to
/// guess secrets or flood the signer. A refusal is 429 with an OAuth-style JSON body and Retry-After.
/// </summary>
internal static class TokenRateLimiting
{
    public const string PolicyName = "govauthz-token";

    public static void Configure(RateLimiterOptions limiter, TokenRateLimitOptions options)
    {
        limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 }));
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var http = rejected.HttpContext;
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GovAuthZ.Server.Tokens");
            TokenLog.TokenRateLimited(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var error = new TokenError(ErrorCode.TokenEndpointRateLimited, "temporarily_unavailable", ErrorMessages.For(ErrorCode.TokenEndpointRateLimited));
            await OAuthHttp.WriteJsonAsync(http.Response, StatusCodes.Status429TooManyRequests, GovAuthZ.Tokens.Grants.TokenErrorResponse.From(error), cancellationToken).ConfigureAwait(false);
        };
    }
}
