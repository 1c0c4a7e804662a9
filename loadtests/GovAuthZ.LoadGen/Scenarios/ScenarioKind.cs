namespace GovAuthZ.LoadGen.Scenarios;

/// <summary>What each call asks.</summary>
internal enum ScenarioKind
{
    /// <summary>grpc.health.v1.Health/Check (REST: GET /healthz): the transport's own cost.</summary>
    Health,

    /// <summary>One fixed valid CheckRequest: a decision-cache hit once a cache exists.</summary>
    Check,

    /// <summary>Checks rotating over N distinct principals and datasets.</summary>
    CheckVaried,

    /// <summary>POST /oauth/token, client_credentials with client_secret_basic (REST transport only).</summary>
    Token,
}

/// <summary>Which protocol carries the calls.</summary>
internal enum TransportKind
{
    /// <summary>gRPC over HTTP/2 with prior knowledge (h2c).</summary>
    Grpc,

    /// <summary>JSON over HTTP/1.1 keep-alive.</summary>
    Rest,
}

/// <summary>How calls are scheduled.</summary>
internal enum RunMode
{
    /// <summary>C workers, each sending its next call as soon as the previous one completes.</summary>
    Closed,

    /// <summary>Like closed, but every worker alternates health and the chosen check scenario.</summary>
    Interleaved,
}
