using System.CommandLine;
using System.Globalization;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Cli.Commands;

/// <summary>
/// <c>govauthz keys list|rotate</c>: the token service's signing keys in the server's own store. The keys
/// are unprotected with the Data Protection key ring under <c>&lt;data-dir&gt;/keys</c>, the one the server
/// uses, so the command must run where that folder is readable. A running server picks up a rotation on
/// its next maintenance pass.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "the server's GovAuthZ:DataDir", DefaultValueFactory = _ => "data" };
        var provider = new Option<string>("--store-provider") { Description = "Sqlite (default) or Postgres", DefaultValueFactory = _ => "Sqlite" };
        var connection = new Option<string?>("--connection-string") { Description = "Npgsql connection string for Postgres" };
        var leadTime = new Option<TimeSpan>("--publish-lead-time") { Description = "how long a new key is published before it signs (GovAuthZ:Tokens:KeyPublishLeadTime)", DefaultValueFactory = _ => TimeSpan.FromDays(1) };
        var list = new Command("list", "Print every signing key: kid, algorithm, state and times.") { dataDir, provider, connection };
        list.SetAction(result => Run(result.GetValue(dataDir)!, result.GetValue(provider)!, result.GetValue(connection), TimeSpan.FromDays(1), rotate: false));
        var rotate = new Command("rotate", "Publish a new signing key; it signs after the publish lead time.") { dataDir, provider, connection, leadTime };
        rotate.SetAction(result => Run(result.GetValue(dataDir)!, result.GetValue(provider)!, result.GetValue(connection), result.GetValue(leadTime), rotate: true));
        return new Command("keys", "Manage the token service's signing keys.") { list, rotate };
    }

    private static int Run(string dataDir, string provider, string? connectionString, TimeSpan leadTime, bool rotate)
    {
        try
        {
            return RunAsync(Path.GetFullPath(dataDir), provider, connectionString, leadTime, rotate).GetAwaiter().GetResult();
        }
        catch (GovAuthZException error)
        {
            Console.Error.WriteLine("error: " + CliErrors.Format(error));
            return 2;
        }
    }

    private static async Task<int> RunAsync(string dataDir, string provider, string? connectionString, TimeSpan leadTime, bool rotate)
    {
        await using var database = TokenDatabase.Create(provider, connectionString, dataDir);
        await database.EnsureSchemaAsync().ConfigureAwait(false);
        await using var services = new ServiceCollection()
            .AddDataProtection()
            .SetApplicationName(StoreLayout.ProtectionApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, StoreLayout.ProtectionKeysFolder)))
            .Services.BuildServiceProvider();
        var protector = new DataProtectionKeyProtector(services.GetRequiredService<IDataProtectionProvider>().CreateProtector(StoreLayout.SigningKeyPurpose));
        var options = new TokenOptions { KeyPublishLeadTime = leadTime, KeyRotationInterval = leadTime + TimeSpan.FromDays(30) };
        using var ring = new SigningKeyRing(options, new SqlSigningKeyStore(database), protector, TimeProvider.System);
        await ring.ReloadAsync().ConfigureAwait(false);
        if (rotate)
        {
            var kid = await ring.RotateAsync().ConfigureAwait(false);
            Console.Out.WriteLine("rotated: new key " + kid);
        }

        Console.Out.WriteLine("kid\talg\tstate\tcreated\tsigning_from\tretires_at\tremove_at");
        foreach (var key in ring.GetKeys())
        {
            Console.Out.WriteLine(string.Join('\t', key.KeyId, key.Algorithm, key.State.ToString().ToLowerInvariant(), Time(key.CreatedAt), Time(key.SigningFrom), Time(key.RetiresAt), Time(key.RemoveAt)));
        }

        return 0;
    }

    private static string Time(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    private sealed class DataProtectionKeyProtector(IDataProtector protector) : IKeyProtector
    {
        public byte[] Protect(byte[] plaintext) => protector.Protect(plaintext);

        public byte[] Unprotect(byte[] protectedData) => protector.Unprotect(protectedData);
    }
}
