using System.Text;
using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Contracts.Health.V1;
using GovAuthZ.LoadGen.Transport;

namespace GovAuthZ.LoadGen.Scenarios;

/// <summary>
/// Builds every worker's callers from the settings. Requests are serialized once here; gRPC workers are
/// spread over the configured connections (worker i on connection i mod n), and in interleaved mode a
/// worker's health and check callers share its connection so both see the same connection state.
/// </summary>
internal sealed class CallerFactory : IDisposable
{
    public const string HealthPath = "/grpc.health.v1.Health/Check";
    public const string CheckPath = "/govauthz.decision.v1.DecisionService/Check";
    public const string RestHealthPath = "/healthz";
    public const string RestCheckPath = "/v1/check";
    public const string TokenPath = "/oauth/token";

    private readonly LoadSettings _settings;
    private readonly HttpMessageInvoker[] _clients;
    private readonly byte[][] _health;
    private readonly byte[][] _checks;
    private readonly TokenRequest _token;

    public CallerFactory(LoadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        var grpc = settings.Transport == TransportKind.Grpc;
        var count = grpc ? settings.Connections : 1;
        _clients = new HttpMessageInvoker[count];
        for (var i = 0; i < count; i++)
        {
            _clients[i] = grpc ? HttpClients.CreateGrpc(settings.Timeout) : HttpClients.CreateRest(settings.Timeout);
        }

        _token = new TokenRequest(settings.ClientId, settings.ClientSecret, settings.Scope);
        _health = [GrpcFraming.Frame(new HealthCheckRequest().ToByteArray())];
        var requests = settings.Scenario == ScenarioKind.CheckVaried ? CheckRequests.Varied(settings.Variants) : [CheckRequests.Fixed()];
        _checks = new byte[requests.Length][];
        for (var i = 0; i < requests.Length; i++)
        {
            _checks[i] = grpc ? GrpcFraming.Frame(requests[i].ToByteArray()) : Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(requests[i]));
        }
    }

    /// <summary>
    /// The first request body of the scenario as it goes on the wire (a gRPC frame, or JSON for REST; for
    /// REST health, which is a GET, nothing).
    /// </summary>
    public byte[] FirstRequestBody => _settings.Scenario switch
    {
        ScenarioKind.Token => _token.FormBody(),
        ScenarioKind.Health => _settings.Transport == TransportKind.Grpc ? _health[0] : [],
        _ => _checks[0],
    };

    /// <summary>Whether the scenario's responses are CheckResponse messages the probe can decode.</summary>
    public bool AnswersChecks => _settings.Scenario is ScenarioKind.Check or ScenarioKind.CheckVaried;

    /// <summary>One caller per scenario the worker runs: [subject], or [health, subject] when interleaved.</summary>
    public ICaller[] CreateForWorker(int worker)
    {
        var client = _clients[worker % _clients.Length];
        var subject = _settings.Scenario == ScenarioKind.Health ? CreateHealth(client) : CreateCheck(client, worker);
        return _settings.Mode == RunMode.Interleaved ? [CreateHealth(client), subject] : [subject];
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private ICaller CreateHealth(HttpMessageInvoker client) => _settings.Transport == TransportKind.Grpc
        ? new GrpcUnaryCaller(ScenarioNames.Health, client, new Uri(_settings.Target, HealthPath), _health, _settings.Timeout)
        : new RestCaller(ScenarioNames.Health, client, new Uri(_settings.Target, RestHealthPath), bodies: null, _settings.Timeout);

    private ICaller CreateCheck(HttpMessageInvoker client, int worker)
    {
        var name = ScenarioNames.Of(_settings.Scenario);
        if (_settings.Scenario == ScenarioKind.Token)
        {
            return new TokenCaller(name, client, new Uri(_settings.Target, TokenPath), _token, _settings.Timeout);
        }

        return _settings.Transport == TransportKind.Grpc
            ? new GrpcUnaryCaller(name, client, new Uri(_settings.Target, CheckPath), _checks, _settings.Timeout, worker)
            : new RestCaller(name, client, new Uri(_settings.Target, RestCheckPath), _checks, _settings.Timeout, worker);
    }

    /// <summary>Decodes a check response for the pre-run probe, whichever transport carried it.</summary>
    public CheckResponse DecodeCheck(ReadOnlyMemory<byte> message) => _settings.Transport == TransportKind.Grpc
        ? CheckResponse.Parser.ParseFrom(message.Span)
        : JsonParser.Default.Parse<CheckResponse>(Encoding.UTF8.GetString(message.Span));
}
