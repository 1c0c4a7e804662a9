namespace GovAuthZ.Server.IntegrationTests.Transport;

/// <summary>
/// The real server over a copy of the shipped policies whose model is broken, so it starts without a
/// bundle (live, not ready). Reloads happen only through <c>POST /admin/reload</c>, so every status change
/// a test sees is one it caused.
/// </summary>
public sealed class UnreadyServerFixture : ServerProcessFixture
{
    private const string Broken = "[matchers]";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "govauthz-unready-" + Guid.NewGuid().ToString("N"));

    protected override string PolicyDirectory => _folder;

    protected override string ReadyPath => "/healthz";

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        foreach (var name in new[] { "model.conf", "policy.csv", "catalog.yaml", "purposes.yaml" })
        {
            File.Copy(Path.Combine(RepositoryRoot(), "policies", name), Path.Combine(_folder, name));
        }

        var model = Path.Combine(_folder, "model.conf");
        File.WriteAllText(model, File.ReadAllText(model).Replace(Broken, "[matchers", StringComparison.Ordinal));
        return base.InitializeAsync();
    }

    /// <summary>Puts the shipped model back; the server notices only at the next admin reload.</summary>
    public void RepairModel() =>
        File.Copy(Path.Combine(RepositoryRoot(), "policies", "model.conf"), Path.Combine(_folder, "model.conf"), overwrite: true);

    /// <summary>Asks the server to reload; returns the HTTP status (200 loaded, 422 rejected).</summary>
    public async Task<int> ReloadAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsync(new Uri(HttpBase, "/admin/reload"), null);
        return (int)response.StatusCode;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    protected override void Configure(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment["GovAuthZ__Policy__WatchForChanges"] = "false";
    }
}
