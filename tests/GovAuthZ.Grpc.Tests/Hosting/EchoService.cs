using GovAuthZ.Grpc.Hosting;
using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Tests.Hosting;

/// <summary>A fake service whose methods each exercise one way a unary call can end.</summary>
internal static class EchoService
{
    public const string Echo = "/test.v1.EchoService/Echo";
    public const string WaitForCancel = "/test.v1.EchoService/WaitForCancel";
    public const string Throw = "/test.v1.EchoService/Throw";
    public const string Fail = "/test.v1.EchoService/Fail";
    public const string WaitForClient = "/test.v1.EchoService/WaitForClient";

    public const string SecretText = "connection string Password=hunter2";
    // Completed when WaitForClient starts waiting, so the test resets a stream the server is serving.
    public static readonly TaskCompletionSource ClientCallStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Completed when WaitForClient sees its token cancelled; only one test calls that method.
    public static readonly TaskCompletionSource ClientCancelObserved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public const string NonAsciiDetail = "zugriff verweigert: 数据共享 ✓ 100% \"done\"";

    public static GrpcServiceRegistry CreateRegistry() => new GrpcServiceRegistry()
        .AddUnary(Echo, static (message, _) => ValueTask.FromResult(GrpcResult.Ok(message.ToArray())))
        .AddUnary(WaitForCancel, WaitAsync)
        .AddUnary(Throw, static (_, _) => throw new InvalidOperationException(SecretText))
        .AddUnary(WaitForClient, WaitForClientAsync)
        .AddUnary(Fail, static (_, _) => ValueTask.FromResult(GrpcResult.Error(StatusCode.PermissionDenied, NonAsciiDetail)));

    private static async ValueTask<GrpcResult> WaitForClientAsync(ReadOnlyMemory<byte> message, GrpcCallContext context)
    {
        Assert.Null(context.Deadline);
        ClientCallStarted.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            ClientCancelObserved.TrySetResult();
            throw;
        }

        return GrpcResult.Ok(message);
    }

    private static async ValueTask<GrpcResult> WaitAsync(ReadOnlyMemory<byte> message, GrpcCallContext context)
    {
        Assert.NotNull(context.Deadline);
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return GrpcResult.Ok(message);
    }
}
