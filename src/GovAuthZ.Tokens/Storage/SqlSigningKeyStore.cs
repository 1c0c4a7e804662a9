using GovAuthZ.Tokens.Keys;

namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// The key set in two tables: one row holding the set's version, one row per key. A save is a single
/// transaction that first moves the version from the expected value to the new one; when another replica
/// moved it first the update touches no row and the whole save is rolled back (compare-and-set).
/// </summary>
public sealed class SqlSigningKeyStore : ISigningKeyStore
{
    private readonly TokenDatabase _database;

    public SqlSigningKeyStore(TokenDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    public async ValueTask<SigningKeySet> LoadAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One transaction, so the version and the rows belong to the same committed state.
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                long version;
                var versionCommand = TokenDatabase.CreateCommand(connection, transaction, "SELECT version FROM gaz_signing_key_set WHERE id = 1");
                await using (versionCommand.ConfigureAwait(false))
                {
                    version = Convert.ToInt64(await versionCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
                }

                var records = new List<SigningKeyRecord>();
                var keysCommand = TokenDatabase.CreateCommand(connection, transaction, "SELECT kid, alg, created_at, signing_from, private_key FROM gaz_signing_keys ORDER BY signing_from, kid");
                await using (keysCommand.ConfigureAwait(false))
                {
                    var reader = await keysCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            records.Add(new SigningKeyRecord(
                                reader.GetString(0),
                                reader.GetString(1),
                                TokenDatabase.FromTicks(reader.GetInt64(2)),
                                TokenDatabase.FromTicks(reader.GetInt64(3)),
                                (byte[])reader.GetValue(4)));
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new SigningKeySet(version, records);
            }
        }
    }

    public async ValueTask<bool> TrySaveAsync(SigningKeySet keySet, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keySet);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var moved = await TokenDatabase.ExecuteAsync(
                    connection, transaction, "UPDATE gaz_signing_key_set SET version = @next WHERE id = 1 AND version = @expected", cancellationToken,
                    ("@next", keySet.Version), ("@expected", expectedVersion)).ConfigureAwait(false);
                if (moved != 1)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return false;
                }

                await TokenDatabase.ExecuteAsync(connection, transaction, "DELETE FROM gaz_signing_keys", cancellationToken).ConfigureAwait(false);
                foreach (var record in keySet.Records)
                {
                    await TokenDatabase.ExecuteAsync(
                        connection, transaction,
                        "INSERT INTO gaz_signing_keys (kid, alg, created_at, signing_from, private_key) VALUES (@kid, @alg, @created, @from, @key)",
                        cancellationToken,
                        ("@kid", record.KeyId), ("@alg", record.Algorithm), ("@created", TokenDatabase.ToTicks(record.CreatedAt)),
                        ("@from", TokenDatabase.ToTicks(record.SigningFrom)), ("@key", record.ProtectedPrivateKey)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }
}
