using System.Threading.Channels;
using GovAuthZ.Grpc.Hosting;
using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Tests.Hosting;

/// <summary>A fake server-streaming service; each method exercises one way a stream can go or end.</summary>
internal static class StreamService
{
    public const string Count = "/test.v1.StreamService/Count";
    public const string Paced = "/test.v1.StreamService/Paced";
    public const string FailAfterOne = "/test.v1.StreamService/FailAfterOne";
    public const string FailAtOnce = "/test.v1.StreamService/FailAtOnce";
    public const string ThrowAfterOne = "/test.v1.StreamService/ThrowAfterOne";
    public const string UntilCancelled = "/test.v1.StreamService/UntilCancelled";
    public const string IgnoresToken = "/test.v1.StreamService/IgnoresToken";
    public const string KeepWriter = "/test.v1.StreamService/KeepWriter";

    public const string FailDetail = "stream refused: 数据 ✓";

    // Paced writes exactly what the test puts here, one message per item; an empty item ends the call.
    public static readonly Channel<byte[]> PacedMessages = Channel.CreateUnbounded<byte[]>();

    // UntilCancelled completes this when it sees its token fire (one test calls it with a client reset).
    public static readonly TaskCompletionSource CancelObserved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // KeepWriter hands out its writer, so a test can try to write after the call ended.
    public static readonly TaskCompletionSource<GrpcStreamWriter> KeptWriter = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static GrpcServiceRegistry AddTo(GrpcServiceRegistry registry) => registry
        .AddServerStreaming(Count, CountAsync)
        .AddServerStreaming(Paced, PacedAsync)
        .AddServerStreaming(FailAfterOne, static async (message, writer, _) =>
        {
            await writer.WriteAsync(message);
            return GrpcStatus.Error(StatusCode.PermissionDenied, FailDetail);
        })
        .AddServerStreaming(FailAtOnce, static (_, _, _) => ValueTask.FromResult(GrpcStatus.Error(StatusCode.NotFound, "nothing to watch")))
        .AddServerStreaming(ThrowAfterOne, static async (message, writer, _) =>
        {
            await writer.WriteAsync(message);
            throw new InvalidOperationException(EchoService.SecretText);
        })
        .AddServerStreaming(UntilCancelled, UntilCancelledAsync)
        .AddServerStreaming(IgnoresToken, static async (message, writer, _) =>
        {
            await writer.WriteAsync(message);
            await new TaskCompletionSource().Task;
            return GrpcStatus.Ok;
        })
        .AddServerStreaming(KeepWriter, static (_, writer, _) =>
        {
            KeptWriter.TrySetResult(writer);
            return ValueTask.FromResult(GrpcStatus.Ok);
        });

    // The request's first byte says how many messages to send; message i is the single byte i.
    private static async ValueTask<GrpcStatus> CountAsync(ReadOnlyMemory<byte> message, GrpcStreamWriter writer, GrpcCallContext context)
    {
        var count = message.Span[0];
        for (byte i = 0; i < count; i++)
        {
            await writer.WriteAsync(new[] { i });
        }

        return GrpcStatus.Ok;
    }

    private static async ValueTask<GrpcStatus> PacedAsync(ReadOnlyMemory<byte> message, GrpcStreamWriter writer, GrpcCallContext context)
    {
        await foreach (var item in PacedMessages.Reader.ReadAllAsync(context.CancellationToken))
        {
            if (item.Length == 0)
            {
                break;
            }

            await writer.WriteAsync(item);
        }

        return GrpcStatus.Ok;
    }

    private static async ValueTask<GrpcStatus> UntilCancelledAsync(ReadOnlyMemory<byte> message, GrpcStreamWriter writer, GrpcCallContext context)
    {
        await writer.WriteAsync(message);
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            if (context.Deadline is null)
            {
                CancelObserved.TrySetResult();
            }

            throw;
        }

        return GrpcStatus.Ok;
    }
}
