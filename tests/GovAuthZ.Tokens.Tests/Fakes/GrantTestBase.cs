namespace GovAuthZ.Tokens.Tests.Fakes;

/// <summary>Grant tests on a fresh <see cref="GrantFixture"/> per test, disposed afterwards.</summary>
public abstract class GrantTestBase : IAsyncLifetime
{
    protected GrantFixture Fixture { get; private set; } = null!;

    public async Task InitializeAsync() => Fixture = await GrantFixture.CreateAsync();

    public Task DisposeAsync()
    {
        Fixture.Dispose();
        return Task.CompletedTask;
    }
}
