using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

/// <summary>
/// The in-process server over a private copy of the shipped policies, with a short watcher debounce.
/// The test host leaves RemoteIpAddress unset (and /admin refuses unknown callers), so a startup filter
/// stamps the address each test wants the caller to have.
/// </summary>
internal sealed class ReloadServerFactory : DecisionServerFactory
{
    private readonly IPAddress _remoteAddress;
    private readonly bool _watch;

    /// <param name="watch">
    /// Off for tests that reload through /admin/reload: a watcher reload racing the explicit one would
    /// make the expected revision nondeterministic.
    /// </param>
    public ReloadServerFactory(string policyDir, IPAddress remoteAddress, bool watch)
        : base(policyDir, null)
    {
        _remoteAddress = remoteAddress;
        _watch = watch;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GovAuthZ:Policy:ReloadDebounceMs", "50");
        builder.UseSetting("GovAuthZ:Policy:WatchForChanges", _watch ? "true" : "false");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(_remoteAddress)));
    }

    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>A throw-away copy of the shipped policy folder that a test may edit.</summary>
internal sealed class PolicyFolderCopy : IDisposable
{
    public PolicyFolderCopy()
    {
        Directory.CreateDirectory(Path);
        foreach (var name in new[] { "model.conf", "policy.csv", "catalog.yaml", "purposes.yaml" })
        {
            File.Copy(System.IO.Path.Combine(ShippedPolicies.Directory, name), System.IO.Path.Combine(Path, name));
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "govauthz-reload-" + Guid.NewGuid().ToString("N"));

    /// <summary>Rewrites one file by replacing text that must be present, so an edit never silently misses.</summary>
    public void Edit(string file, string find, string replace)
    {
        var path = System.IO.Path.Combine(Path, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
