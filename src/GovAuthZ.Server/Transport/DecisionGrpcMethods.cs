using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Grpc.Hosting;
using GovAuthZ.Grpc.Protocol;
using GovAuthZ.Server.Decisions;
using GovAuthZ.Server.Telemetry;

namespace GovAuthZ.Server.Transport;

/// <summary>
/// The gRPC form of the decision service: the same contract messages and the same DecisionService as the
/// REST endpoints, registered on the domain-free gRPC host, with the health service beside them (it answers
/// from the policy store, so a probe sees NOT_SERVING while policies are not loaded).
/// </summary>
internal static class DecisionGrpcMethods
{
    public const string CheckPath = "/govauthz.decision.v1.DecisionService/Check";
    public const string CheckBatchPath = "/govauthz.decision.v1.DecisionService/CheckBatch";
    public const string ExplainPath = "/govauthz.decision.v1.DecisionService/Explain";

    public static GrpcServiceRegistry Create(DecisionService decisions, PolicyStore store)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(store);
        var health = new HealthGrpcService(store);

        // Made once, not per call: the decision path should not allocate a delegate for every request.
        Func<CheckRequest, IMessage> check = request => decisions.Check(request, DecisionTransport.Grpc);
        Func<CheckBatchRequest, IMessage> checkBatch = request => decisions.CheckBatch(request, DecisionTransport.Grpc);
        return new GrpcServiceRegistry()
            .AddUnary(CheckPath, (message, _) => Handle(message, CheckRequest.Parser, check))
            .AddUnary(CheckBatchPath, (message, _) => Handle(message, CheckBatchRequest.Parser, checkBatch))
            .AddUnary(ExplainPath, (message, _) => Handle(message, CheckRequest.Parser, decisions.Explain))
            .AddUnary(HealthGrpcService.CheckPath, health.CheckAsync)
            .AddServerStreaming(HealthGrpcService.WatchPath, health.WatchAsync);
    }

    private static ValueTask<GrpcResult> Handle<TRequest>(ReadOnlyMemory<byte> message, MessageParser<TRequest> parser, Func<TRequest, IMessage> handle)
        where TRequest : IMessage<TRequest>
    {
        TRequest request;
        try
        {
            request = parser.ParseFrom(message.Span);
        }
        catch (InvalidProtocolBufferException error)
        {
            return ValueTask.FromResult(GrpcResult.Error(StatusCode.InvalidArgument, $"{ErrorCodes.Format(ErrorCode.TransportMalformedMessage)} the request is not a valid {typeof(TRequest).Name} in protobuf binary form: {error.Message}"));
        }

        try
        {
            return ValueTask.FromResult(GrpcResult.Ok(handle(request).ToByteArray()));
        }
        catch (GovAuthZException error)
        {
            var status = error.Code == ErrorCode.DecisionNotReady ? StatusCode.Unavailable : StatusCode.InvalidArgument;
            return ValueTask.FromResult(GrpcResult.Error(status, $"{error.CodeId} {error.Detail}"));
        }
    }
}
