namespace GovAuthZ.LoadGen.Transport;

/// <summary>
/// Makes one kind of call over and over, rotating over its request variants. One instance per load worker:
/// implementations keep a receive buffer and a rotation cursor and are not thread-safe. Disposing it
/// releases its timeout source, never the shared connection.
/// </summary>
internal interface ICaller : IDisposable
{
    /// <summary>The scenario name shown in reports (health, check, check-varied).</summary>
    string Name { get; }

    /// <summary>How many distinct requests the caller rotates over.</summary>
    int VariantCount { get; }

    /// <summary>
    /// The response message of the last successful call (protobuf for gRPC, JSON for REST); valid until
    /// the next call. Used to show what the server answered before the measurement starts.
    /// </summary>
    ReadOnlyMemory<byte> LastMessage { get; }

    /// <summary>Makes the next call; never throws for a failed call, it returns a failure outcome.</summary>
    ValueTask<CallOutcome> CallAsync(CancellationToken cancellationToken);
}
