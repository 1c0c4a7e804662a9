using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Authentication;
using GovAuthZ.Caching;
using GovAuthZ.Grpc.Hosting;
using GovAuthZ.Server.Configuration;
using GovAuthZ.Server.Decisions;
using GovAuthZ.Server.Health;
using GovAuthZ.Server.Logging;
using GovAuthZ.Server.OpenApi;
using GovAuthZ.Server.Telemetry;
using GovAuthZ.Server.Tokens;
using GovAuthZ.Server.Transport;

var builder = WebApplication.CreateBuilder(args);
var options = ServerOptions.From(builder.Configuration);
try
{
    LocalModeGuard.Validate(options);
}
catch (GovAuthZException error)
{
    // A configuration that would expose the decision API unauthenticated stops the server before it listens.
    return await RefuseToStartAsync(error).ConfigureAwait(false);
}

builder.WebHost.ConfigureKestrel(kestrel => Listeners.Configure(kestrel, options.Http.Url, options.Grpc.Url));
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(new PolicyStore(Path.GetFullPath(options.PolicyDir, builder.Environment.ContentRootPath)));
builder.Services.AddSingleton(DecisionCache.CreateInProcess<DecisionResult>(new DecisionCacheOptions { Capacity = options.Decision.CacheEntries }));
builder.Services.AddSingleton<DecisionMetrics>();
builder.Services.AddSingleton(static services => new DecisionService(
    services.GetRequiredService<PolicyStore>(),
    services.GetRequiredService<TimeProvider>(),
    services.GetRequiredService<ServerOptions>().Decision.MaxBatch,
    services.GetRequiredService<IDecisionCache<DecisionResult>>(),
    services.GetRequiredService<DecisionMetrics>()));
builder.Services.AddSingleton<PolicyReloader>();
builder.Services.AddDecisionAccess(options.Auth);
builder.Services.AddHostedService<PolicyWatcher>();
TelemetrySetup.AddMetricsExport(builder.Services, options.Telemetry);
try
{
    builder.AddTokenService(options);
}
catch (GovAuthZException error)
{
    // Bad token, store or key-protection settings: one line naming the setting, not a stack trace.
    return await RefuseToStartAsync(error).ConfigureAwait(false);
}

// Framework per-request logs cost time on every decision: off by default, still configurable.
if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
{
    builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
}

var app = builder.Build();
app.MapHealthEndpoints();
app.MapDecisionEndpoints();
app.MapAdminEndpoints();
app.MapOpenApiDocument();
app.MapTokenEndpoints();
app.MapGrpc(
    DecisionGrpcMethods.Create(
        app.Services.GetRequiredService<DecisionService>(),
        app.Services.GetRequiredService<PolicyStore>(),
        app.Services.GetRequiredService<DecisionAccess>()),
    new GrpcHostOptions { MaxReceiveMessageSize = options.Decision.MaxRequestBytes });

var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GovAuthZ.Server");

// Load before listening. A failed load does not stop the host: liveness stays up, readiness reports the
// error and every check is denied (fail closed), so a bad policy push cannot open access.
var store = app.Services.GetRequiredService<PolicyStore>();
var state = store.Reload();
if (state.Bundle is { } bundle)
{
    ServerLog.PolicyLoaded(logger, bundle.Revision, store.Directory);
}
else
{
    ServerLog.PolicyLoadFailed(logger, store.Directory, state.LastReloadError?.Message ?? "unknown error");
}

app.Lifetime.ApplicationStarted.Register(
    () => ServerLog.ServerStarted(logger, options.Http.Url + " (gRPC " + options.Grpc.Url + ")", options.PolicyDir, options.DataDir));
app.Lifetime.ApplicationStopping.Register(() => ServerLog.ServerStopping(logger));

await app.RunAsync().ConfigureAwait(false);
return 0;

static async Task<int> RefuseToStartAsync(GovAuthZException error)
{
    await Console.Error.WriteLineAsync($"{error.CodeId} {error.Detail}").ConfigureAwait(false);
    return 2;
}
