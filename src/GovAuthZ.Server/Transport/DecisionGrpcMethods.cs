using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Contracts.Health.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Grpc.Hosting;
using GovAuthZ.Grpc.Protocol;
using GovAuthZ.Server.Decisions;
using GovAuthZ.Server.Telemetry;

namespace GovAuthZ.Server.Transport;

/// <summary>
/// The gRPC form of the decision service: the same contract messages and the same DecisionService as the
/// REST endpoints, registered on the domain-free unary host. Health answers from the policy store, so a
/// probe sees NOT_SERVING while policies are not loaded.
/// </summary>
internal static class DecisionGrpcMethods
{
    public const string CheckPath = "/govauthz.decision.v1.DecisionService/Check";
    public const string CheckBatchPath = "/govauthz.decision.v1.DecisionService/CheckBatch";
    public const string ExplainPath = "/govauthz.decision.v1.DecisionService/Explain";
    public const string HealthCheckPath = "/grpc.health.v1.Health/Check";

    public static GrpcServiceRegistry Create(DecisionService decisions, PolicyStore store)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(store);
        // Made once, not per call: the decision path should not allocate a delegate for every request.
        Func<CheckRequest, IMessage> check = request => decisions.Check(request, DecisionTransport.Grpc);
        Func<CheckBatchRequest, IMessage> checkBatch = request => decisions.CheckBatch(request, DecisionTransport.Grpc);
        return new GrpcServiceRegistry()
            .AddUnary(CheckPath, (message, _) => Handle(message, CheckRequest.Parser, check))
            .AddUnary(CheckBatchPath, (message, _) => Handle(message, CheckBatchRequest.Parser, checkBatch))
            .AddUnary(ExplainPath, (message, _) => Handle(message, CheckRequest.Parser, decisions.Explain))
            .AddUnary(HealthCheckPath, (message, _) => Handle(message, HealthCheckRequest.Parser, request => Health(request, store)));
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
            return ValueTask.FromResult(GrpcResult.Error(StatusCode.InvalidArgument, $"{ErrorCodes.Format(ErrorCode.InputMalformedJson)} malformed {typeof(TRequest).Name}: {error.Message}"));
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

    private static HealthCheckResponse Health(HealthCheckRequest request, PolicyStore store)
    {
        var known = request.Service.Length == 0 || request.Service == "govauthz.decision.v1.DecisionService";
        if (!known)
        {
            return new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.ServiceUnknown };
        }

        var ready = store.Current.Bundle is not null;
        return new HealthCheckResponse
        {
            Status = ready ? HealthCheckResponse.Types.ServingStatus.Serving : HealthCheckResponse.Types.ServingStatus.NotServing,
        };
    }
}
