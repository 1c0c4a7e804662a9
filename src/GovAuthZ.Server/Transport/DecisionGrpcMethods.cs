using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Grpc.Hosting;
using GovAuthZ.Grpc.Protocol;
using GovAuthZ.Server.Authentication;
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

    public static GrpcServiceRegistry Create(DecisionService decisions, PolicyStore store, DecisionAccess access)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(access);
        var health = new HealthGrpcService(store);

        // Made once, not per call: the decision path should not allocate a delegate for every request.
        Func<CheckRequest, IMessage> check = request => decisions.Check(request, DecisionTransport.Grpc);
        Func<CheckBatchRequest, IMessage> checkBatch = request => decisions.CheckBatch(request, DecisionTransport.Grpc);
        Func<CheckRequest, IMessage> explain = decisions.Explain;
        Func<Caller, CheckRequest, CancellationToken, ValueTask<GovAuthZException?>> resolveCheck = access.Principals.ResolveAsync;
        Func<Caller, CheckBatchRequest, CancellationToken, ValueTask<GovAuthZException?>> resolveBatch = access.Principals.ResolveAsync;
        var checkCall = new Call<CheckRequest>(access.Authenticator, DecisionScopes.Check, CheckRequest.Parser, resolveCheck, check);
        var batchCall = new Call<CheckBatchRequest>(access.Authenticator, DecisionScopes.Check, CheckBatchRequest.Parser, resolveBatch, checkBatch);
        var explainCall = new Call<CheckRequest>(access.Authenticator, DecisionScopes.Explain, CheckRequest.Parser, resolveCheck, explain);
        return new GrpcServiceRegistry()
            .AddUnary(CheckPath, checkCall.HandleAsync)
            .AddUnary(CheckBatchPath, batchCall.HandleAsync)
            .AddUnary(ExplainPath, explainCall.HandleAsync)
            .AddUnary(HealthGrpcService.CheckPath, health.CheckAsync)
            .AddServerStreaming(HealthGrpcService.WatchPath, health.WatchAsync);
    }

    /// <summary>
    /// One decision method: authenticate from the call's metadata, decode, check the principals, decide.
    /// The async method completes synchronously (and so without allocating a state machine) whenever the
    /// caller's token is cached and no subject token needs verifying.
    /// </summary>
    private sealed class Call<TRequest>(
        CallerAuthenticator authenticator,
        string scope,
        MessageParser<TRequest> parser,
        Func<Caller, TRequest, CancellationToken, ValueTask<GovAuthZException?>> resolvePrincipals,
        Func<TRequest, IMessage> handle)
        where TRequest : IMessage<TRequest>
    {
        public async ValueTask<GrpcResult> HandleAsync(ReadOnlyMemory<byte> message, GrpcCallContext call)
        {
            var auth = await authenticator.AuthenticateAsync(call.RequestHeaders.Authorization, scope, call.CancellationToken).ConfigureAwait(false);
            if (auth.Caller is not { } caller)
            {
                return Error(auth.Error!);
            }

            TRequest request;
            try
            {
                request = parser.ParseFrom(message.Span);
            }
            catch (InvalidProtocolBufferException error)
            {
                return GrpcResult.Error(StatusCode.InvalidArgument, $"{ErrorCodes.Format(ErrorCode.TransportMalformedMessage)} the request is not a valid {typeof(TRequest).Name} in protobuf binary form: {error.Message}");
            }

            if (await resolvePrincipals(caller, request, call.CancellationToken).ConfigureAwait(false) is { } refused)
            {
                return Error(refused);
            }

            try
            {
                return GrpcResult.Ok(handle(request).ToByteArray());
            }
            catch (GovAuthZException error)
            {
                return Error(error);
            }
        }

        private static GrpcResult Error(GovAuthZException error) => GrpcResult.Error(StatusOf(error.Code), $"{error.CodeId} {error.Detail}");

        private static StatusCode StatusOf(ErrorCode code) => code switch
        {
            ErrorCode.DecisionNotReady or ErrorCode.DecisionStateTooOld => StatusCode.Unavailable,
            ErrorCode.DecisionUnauthenticated => StatusCode.Unauthenticated,
            ErrorCode.DecisionForbidden => StatusCode.PermissionDenied,
            _ => StatusCode.InvalidArgument,
        };
    }
}
