using System.Collections.Concurrent;

namespace GovAuthZ.Tokens.Users;

/// <summary>Where end users live. Implementations return validated users only.</summary>
public interface IUserStore
{
    ValueTask<UserAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>Users held in memory (tests, configuration). Thread-safe.</summary>
public sealed class InMemoryUserStore : IUserStore
{
    private readonly ConcurrentDictionary<string, UserAccount> _users = new(StringComparer.Ordinal);

    public InMemoryUserStore(IEnumerable<UserAccount> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        foreach (var user in users)
        {
            Add(user);
        }
    }

    public void Add(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.Validate();
        _users[user.UserId] = user;
    }

    public ValueTask<UserAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_users.TryGetValue(userId, out var user) ? user : null);
}

/// <summary>Checks a user id and password (the sign-in form of the authorization endpoint).</summary>
public sealed class UserSignIn
{
    private readonly IUserStore _users;

    public UserSignIn(IUserStore users)
    {
        _users = users ?? throw new ArgumentNullException(nameof(users));
    }

    /// <summary>The user when id and password match; null otherwise, with the same work either way.</summary>
    public async ValueTask<UserAccount?> SignInAsync(string? userId, string? password, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrEmpty(userId) || userId.Length > 200 ? null : await _users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        return UserPasswords.Verify(user, password) ? user : null;
    }
}
