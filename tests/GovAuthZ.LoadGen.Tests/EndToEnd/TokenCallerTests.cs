using GovAuthZ.LoadGen.Transport;

namespace GovAuthZ.LoadGen.Tests.EndToEnd;

public sealed class TokenCallerTests(StubServer server) : IClassFixture<StubServer>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HttpMessageInvoker _rest = HttpClients.CreateRest(Timeout);

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task CallAsync_WhenServerIssuesToken_SucceedsWithBasicCredentialsFormEncoded()
    {
        // The stub only answers 200 to "app+1:s%3Acret" in Basic and scope "a b" in the form.
        using var caller = Caller(StubServer.TokenPath, new TokenRequest("app 1", "s:cret", "a b"));

        var outcome = await caller.CallAsync(CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Contains("\"access_token\":\"eyJ.x.y\"", System.Text.Encoding.UTF8.GetString(caller.LastMessage.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_WhenSecretWrong_FailsWithStatusAndBody()
    {
        using var caller = Caller(StubServer.TokenPath, new TokenRequest("app 1", "wrong", "a b"));

        var outcome = await caller.CallAsync(CancellationToken.None);

        Assert.Equal("HTTP 401: {\"error\":\"invalid_client\"}", outcome.Error);
    }

    [Fact]
    public async Task CallAsync_WhenOkWithoutTopLevelAccessToken_Fails()
    {
        using var caller = Caller(StubServer.TokenWithoutAccessToken, new TokenRequest("app 1", "s:cret", "a b"));

        var outcome = await caller.CallAsync(CancellationToken.None);

        Assert.Equal("HTTP 200 without an access_token", outcome.Error);
    }

    [Theory]
    [InlineData("{\"access_token\":\"t\"}", true)]
    [InlineData("{\"a\":[1,{\"access_token\":\"x\"}],\"access_token\":\"t\"}", true)]
    [InlineData("{\"access_token\":\"\"}", false)]
    [InlineData("{\"access_token\":7}", false)]
    [InlineData("[\"access_token\"]", false)]
    [InlineData("{\"access_token\":", false)]
    public void HasAccessToken_WhenJsonGiven_AcceptsOnlyNonEmptyTopLevelString(string json, bool expected)
    {
        Assert.Equal(expected, TokenCaller.HasAccessToken(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void FormBody_WhenScopeEmpty_SendsGrantTypeOnly()
    {
        Assert.Equal("grant_type=client_credentials"u8.ToArray(), new TokenRequest("c", "s", string.Empty).FormBody());
    }

    private TokenCaller Caller(string path, TokenRequest request) => new("token", _rest, new Uri(server.RestBase, path), request, Timeout);
}
