using Npgsql;
using NpgsqlTypes;

namespace GovAuthZ.Server.IntegrationTests.Services;

[Collection(RealServicesGroup.Name)]
public sealed class PostgresTests
{
    // Temporary tables belong to one session and vanish when its connection closes (the fixture turns
    // pooling off), so nothing these tests write survives them.
    private const string CreateTable =
        "CREATE TEMP TABLE consent_probe (id uuid PRIMARY KEY, citizen text NOT NULL, "
        + "level integer NOT NULL, granted_at timestamptz NOT NULL)";

    private const string Insert =
        "INSERT INTO consent_probe (id, citizen, level, granted_at) VALUES (@id, @citizen, @level, @granted)";

    private static readonly Guid ProbeId = new("6f1c2b7e-4d1a-4c55-9b0e-2f4b8c3d9a10");
    private static readonly DateTimeOffset GrantedAt = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private readonly ServicesFixture _services;

    public PostgresTests(ServicesFixture services) => _services = services;

    [Fact]
    public async Task Insert_WhenValuesBoundAsParameters_ReadsBackSameRow()
    {
        await using var connection = await _services.Postgres.OpenConnectionAsync();
        await ExecuteAsync(connection, CreateTable);

        // A citizen name with a quote shows the value travels as a parameter, not as SQL text.
        await InsertProbeAsync(connection, null, "O'Brien 张");

        await using var select = new NpgsqlCommand(
            "SELECT id, citizen, level, granted_at FROM consent_probe WHERE id = @id", connection);
        select.Parameters.AddWithValue("id", ProbeId);
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(ProbeId, reader.GetGuid(0));
        Assert.Equal("O'Brien 张", reader.GetString(1));
        Assert.Equal(3, reader.GetInt32(2));
        Assert.Equal(GrantedAt, reader.GetFieldValue<DateTimeOffset>(3));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Rollback_WhenTransactionAborted_LeavesNoRows()
    {
        await using var connection = await _services.Postgres.OpenConnectionAsync();
        await ExecuteAsync(connection, CreateTable);

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertProbeAsync(connection, transaction, "rolled back");
            Assert.Equal(1L, await CountAsync(connection, transaction));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await CountAsync(connection, null));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task InsertProbeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string citizen)
    {
        await using var insert = new NpgsqlCommand(Insert, connection, transaction);
        insert.Parameters.AddWithValue("id", ProbeId);
        insert.Parameters.AddWithValue("citizen", citizen);
        insert.Parameters.AddWithValue("level", 3);
        insert.Parameters.AddWithValue("granted", NpgsqlDbType.TimestampTz, GrantedAt);
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM consent_probe", connection, transaction);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
