using System.Net;
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
        AddPerAddressPolicy(limiter, PolicyName, options);
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

    /// <summary>
    /// A fixed window per client address, no queue. Partitioned on the address itself (value equality), so
    /// a request costs no string; a connection without one shares the <see cref="IPAddress.None"/> window.
    /// </summary>
    public static void AddPerAddressPolicy(RateLimiterOptions limiter, string policyName, TokenRateLimitOptions options) =>
        limiter.AddPolicy(policyName, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress ?? IPAddress.None,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 }));
}
