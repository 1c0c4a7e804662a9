namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// The Data Protection key ring's XML elements kept in the token database, so every replica sharing the
/// database unprotects the signing keys any of them protected. Rows are only ever added: the key ring
/// marks a key revoked by writing a new element, never by changing an old one.
/// </summary>
public sealed class SqlProtectionKeyStore
{
    internal const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS gaz_protection_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL, created_at BIGINT NOT NULL);
        """;

    private readonly TokenDatabase _database;
    private readonly TimeProvider _time;

    public SqlProtectionKeyStore(TokenDatabase database, TimeProvider timeProvider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>Every stored element, oldest first (the order the key ring wrote them).</summary>
    public async Task<IReadOnlyList<string>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = TokenDatabase.CreateCommand(connection, null, "SELECT xml FROM gaz_protection_keys ORDER BY created_at, name");
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var elements = new List<string>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        elements.Add(reader.GetString(0));
                    }

                    return elements;
                }
            }
        }
    }

    /// <summary>
    /// Adds an element under a name unique to it. A name already present is kept as it was: the key ring
    /// names each element after a fresh key id, so a repeat can only be the same element written twice.
    /// </summary>
    public async Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await TokenDatabase.ExecuteAsync(
                connection, null, "INSERT INTO gaz_protection_keys (name, xml, created_at) VALUES (@name, @xml, @created) ON CONFLICT (name) DO NOTHING", cancellationToken,
                ("@name", name), ("@xml", xml), ("@created", TokenDatabase.ToTicks(_time.GetUtcNow()))).ConfigureAwait(false);
        }
    }
}
