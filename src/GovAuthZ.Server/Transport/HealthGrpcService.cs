using Google.Protobuf;
using GovAuthZ.Contracts.Health.V1;
using GovAuthZ.Grpc.Hosting;
using GovAuthZ.Grpc.Protocol;
using GovAuthZ.Server.Decisions;
using ServingStatus = GovAuthZ.Contracts.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace GovAuthZ.Server.Transport;

/// <summary>
/// The gRPC health checking protocol (grpc.health.v1) answered from the policy store: SERVING while a
/// policy bundle is loaded, NOT_SERVING before the first successful load, for the whole server ("") and
/// for the decision service. Check answers once; Watch streams every change until the client leaves.
/// </summary>
internal sealed class HealthGrpcService
{
    public const string CheckPath = "/grpc.health.v1.Health/Check";
    public const string WatchPath = "/grpc.health.v1.Health/Watch";
    public const string DecisionServiceName = "govauthz.decision.v1.DecisionService";

    // The only three answers there are, serialized once.
    private static readonly byte[] Serving = Serialize(ServingStatus.Serving);
    private static readonly byte[] NotServing = Serialize(ServingStatus.NotServing);
    private static readonly byte[] ServiceUnknown = Serialize(ServingStatus.ServiceUnknown);

    private readonly PolicyStore _store;

    public HealthGrpcService(PolicyStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The current status; an unknown service fails the call with NOT_FOUND, as the protocol requires.</summary>
    public ValueTask<GrpcResult> CheckAsync(ReadOnlyMemory<byte> message, GrpcCallContext context)
    {
        if (!TryParse(message, out var request, out var error))
        {
            return ValueTask.FromResult(GrpcResult.Error(StatusCode.InvalidArgument, error));
        }

        return ValueTask.FromResult(IsKnown(request.Service)
            ? GrpcResult.Ok(Answer(_store.Current))
            : GrpcResult.Error(StatusCode.NotFound, "unknown service '" + request.Service + "'"));
    }

    /// <summary>
    /// Sends the current status at once, then one message per change of status; never ends on its own.
    /// An unknown service is answered with SERVICE_UNKNOWN and the stream stays open, because the protocol
    /// lets a service appear later (here it never will, but clients rely on the stream staying up).
    /// </summary>
    public async ValueTask<GrpcStatus> WatchAsync(ReadOnlyMemory<byte> message, GrpcStreamWriter writer, GrpcCallContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        if (!TryParse(message, out var request, out var error))
        {
            return GrpcStatus.Error(StatusCode.InvalidArgument, error);
        }

        if (!IsKnown(request.Service))
        {
            await writer.WriteAsync(ServiceUnknown).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, context.CancellationToken).ConfigureAwait(false);
            return GrpcStatus.Ok;
        }

        var state = _store.Current;
        byte[]? sent = null;
        while (true)
        {
            // A rejected reload publishes a new state with the same status: only real changes are sent.
            var answer = Answer(state);
            if (!ReferenceEquals(answer, sent))
            {
                await writer.WriteAsync(answer).ConfigureAwait(false);
                sent = answer;
            }

            state = await _store.WaitForChangeAsync(state, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsKnown(string service) => service.Length == 0 || service == DecisionServiceName;

    private static byte[] Answer(PolicyState state) => state.Bundle is null ? NotServing : Serving;

    private static bool TryParse(ReadOnlyMemory<byte> message, out HealthCheckRequest request, out string error)
    {
        try
        {
            request = HealthCheckRequest.Parser.ParseFrom(message.Span);
            error = string.Empty;
            return true;
        }
        catch (InvalidProtocolBufferException e)
        {
            request = new HealthCheckRequest();
            error = "malformed HealthCheckRequest: " + e.Message;
            return false;
        }
    }

    private static byte[] Serialize(ServingStatus status) => new HealthCheckResponse { Status = status }.ToByteArray();
}
