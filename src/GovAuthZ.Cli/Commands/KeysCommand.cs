using System.CommandLine;
using System.Globalization;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Protection;
using GovAuthZ.Tokens.Storage;
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
    /// <summary>The certificate's password is read from the environment, as the server reads it, never from the command line.</summary>
    internal const string CertificatePasswordVariable = "GovAuthZ__DataProtection__CertificatePassword";

    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "the server's GovAuthZ:DataDir", DefaultValueFactory = _ => "data" };
        var provider = new Option<string>("--store-provider") { Description = "Sqlite (default) or Postgres", DefaultValueFactory = _ => "Sqlite" };
        var connection = new Option<string?>("--connection-string") { Description = "Npgsql connection string for Postgres" };
        var keyStore = new Option<string?>("--protection-key-store") { Description = "File or Database (GovAuthZ:DataProtection:KeyStore); default by store provider" };
        var certificate = new Option<string?>("--protection-certificate") { Description = $"the .pfx that encrypts the key ring (GovAuthZ:DataProtection:CertificatePath); its password from {CertificatePasswordVariable}" };
        var leadTime = new Option<TimeSpan>("--publish-lead-time") { Description = "how long a new key is published before it signs (GovAuthZ:Tokens:KeyPublishLeadTime)", DefaultValueFactory = _ => TimeSpan.FromDays(1) };
        var list = new Command("list", "Print every signing key: kid, algorithm, state and times.") { dataDir, provider, connection, keyStore, certificate };
        var rotate = new Command("rotate", "Publish a new signing key; it signs after the publish lead time.") { dataDir, provider, connection, keyStore, certificate, leadTime };
        list.SetAction(result => Run(Read(result), TimeSpan.FromDays(1), rotate: false));
        rotate.SetAction(result => Run(Read(result), result.GetValue(leadTime), rotate: true));
        return new Command("keys", "Manage the token service's signing keys.") { list, rotate };

        StoreSettings Read(ParseResult result) => new(
            Path.GetFullPath(result.GetValue(dataDir)!),
            result.GetValue(provider)!,
            result.GetValue(connection),
            new KeyProtectionOptions
            {
                KeyStore = result.GetValue(keyStore),
                CertificatePath = result.GetValue(certificate),
                CertificatePassword = Environment.GetEnvironmentVariable(CertificatePasswordVariable),
            });
    }

    private static int Run(StoreSettings settings, TimeSpan leadTime, bool rotate)
    {
        try
        {
            return RunAsync(settings, leadTime, rotate).GetAwaiter().GetResult();
        }
        catch (GovAuthZException error)
        {
            Console.Error.WriteLine("error: " + CliErrors.Format(error));
            return 2;
        }
    }

    private static async Task<int> RunAsync(StoreSettings settings, TimeSpan leadTime, bool rotate)
    {
        var (dataDir, provider, connectionString, protection) = settings;
        await using var database = TokenDatabase.Create(provider, connectionString, dataDir);
        await database.EnsureSchemaAsync().ConfigureAwait(false);
        await using var services = new ServiceCollection()
            .AddSingleton(database)
            .AddSingleton(TimeProvider.System)
            .AddKeyProtection(protection, database.Provider, dataDir)
            .BuildServiceProvider();
        var protector = services.GetRequiredService<IKeyProtector>();
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

    private sealed record StoreSettings(string DataDir, string Provider, string? ConnectionString, KeyProtectionOptions Protection);
}
