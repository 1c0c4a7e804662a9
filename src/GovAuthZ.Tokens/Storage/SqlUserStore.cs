using System.Text.Json;
using System.Text.Json.Serialization;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Users;

namespace GovAuthZ.Tokens.Storage;

/// <summary>End users in the database, one JSON document each (password hash, never the password). Thread-safe.</summary>
public sealed class SqlUserStore : IUserStore
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly TokenDatabase _database;
    private readonly TimeProvider _time;

    public SqlUserStore(TokenDatabase database, TimeProvider timeProvider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    public async ValueTask<UserAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = TokenDatabase.CreateCommand(connection, null, "SELECT document FROM gaz_users WHERE user_id = @id", ("@id", userId));
            await using (command.ConfigureAwait(false))
            {
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json ? FromDocument(userId, json) : null;
            }
        }
    }

    /// <summary>Validates and adds or replaces a user.</summary>
    public async Task SaveAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.Validate();
        var document = new UserDocument
        {
            DisplayName = user.DisplayName,
            PasswordHash = user.PasswordHash,
            Department = user.Official?.Department,
            Roles = user.Official is { Roles.Count: > 0 } o ? [.. o.Roles] : null,
            Level = user.Official?.Level,
            Region = user.Official?.Region,
            Clearance = user.Official?.Clearance,
        };
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await TokenDatabase.ExecuteAsync(
                connection, null,
                "INSERT INTO gaz_users (user_id, document, updated_at) VALUES (@id, @doc, @at) "
                + "ON CONFLICT (user_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at",
                cancellationToken,
                ("@id", user.UserId), ("@doc", JsonSerializer.Serialize(document, Json)), ("@at", TokenDatabase.ToTicks(_time.GetUtcNow()))).ConfigureAwait(false);
        }
    }

    /// <summary>Removes a user; their sign-in sessions stop working at the next request. Returns whether one was removed.</summary>
    public async Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await TokenDatabase.ExecuteAsync(connection, null, "DELETE FROM gaz_users WHERE user_id = @id", cancellationToken, ("@id", userId)).ConfigureAwait(false) > 0;
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = TokenDatabase.CreateCommand(connection, null, "SELECT COUNT(*) FROM gaz_users");
            await using (command.ConfigureAwait(false))
            {
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static UserAccount FromDocument(string userId, string json)
    {
        var d = JsonSerializer.Deserialize<UserDocument>(json, Json) ?? throw new JsonException("empty user document");
        var user = new UserAccount
        {
            UserId = userId,
            DisplayName = d.DisplayName,
            PasswordHash = d.PasswordHash ?? string.Empty,
            Official = d.Department is null ? null : new OfficialAttributes { Department = d.Department, Roles = d.Roles ?? [], Level = d.Level, Region = d.Region, Clearance = d.Clearance },
        };

        // Re-validated on every load: a row edited by hand cannot smuggle official attributes onto a citizen.
        user.Validate();
        return user;
    }

    private sealed class UserDocument
    {
        public string? DisplayName { get; set; }

        public string? PasswordHash { get; set; }

        public string? Department { get; set; }

        public List<string>? Roles { get; set; }

        public int? Level { get; set; }

        public string? Region { get; set; }

        public string? Clearance { get; set; }
    }
}
