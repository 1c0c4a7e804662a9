using GovAuthZ.Server.Configuration;
using GovAuthZ.Server.Health;
using GovAuthZ.Server.Logging;

var builder = WebApplication.CreateBuilder(args);
var options = ServerOptions.From(builder.Configuration);
builder.WebHost.UseUrls(options.Http.Url);
builder.Services.AddSingleton(options);

// Framework per-request logs cost time on every decision: off by default, still configurable.
if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
{
    builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
}

var app = builder.Build();
app.MapHealthEndpoints();

var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GovAuthZ.Server");
app.Lifetime.ApplicationStarted.Register(
    () => ServerLog.ServerStarted(logger, options.Http.Url, options.PolicyDir, options.DataDir));
app.Lifetime.ApplicationStopping.Register(() => ServerLog.ServerStopping(logger));

await app.RunAsync().ConfigureAwait(false);
