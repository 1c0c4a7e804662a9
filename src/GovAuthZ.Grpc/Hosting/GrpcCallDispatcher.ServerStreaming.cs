using GovAuthZ.Grpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>Server-streaming calls: the handler writes any number of messages, then the trailers end the call.</summary>
internal sealed partial class GrpcCallDispatcher
{
    private async Task RunServerStreamingAsync(HttpContext context, ServerStreamingMethod method, string? encoding, GrpcCallContext call)
    {
        var writer = new GrpcStreamWriter(context.Response, call.CancellationToken);
        GrpcStatus status;
        try
        {
            var (message, error) = await RequestMessageReader.ReadAsync(context.Request.BodyReader, encoding, _options.MaxReceiveMessageSize, call.CancellationToken).ConfigureAwait(false);
            if (error.IsError)
            {
                await Reject(context, method.Path, error.Code, error.Message).ConfigureAwait(false);
                return;
            }

            var pending = method.Handler(message, writer, call);

            // A handler that ignores its token must not hold the stream open past the deadline or the client.
            status = pending.IsCompleted || !call.CancellationToken.CanBeCanceled
                ? await pending.ConfigureAwait(false)
                : await pending.AsTask().WaitAsync(call.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (call.CancellationToken.IsCancellationRequested)
        {
            await writer.EndAsync().ConfigureAwait(false);
            EndStreamCancelled(context, method.Path, writer.HasStarted);
            return;
        }
#pragma warning disable CA1031 // Any handler failure must become INTERNAL, never a torn stream or leaked text.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            GrpcLog.HandlerFailed(_logger, method.Path, exception);
            await writer.EndAsync().ConfigureAwait(false);
            EndStream(context, method.Path, writer.HasStarted, StatusCode.Internal, "internal error");
            return;
        }

        await writer.EndAsync().ConfigureAwait(false);
        EndStream(context, method.Path, writer.HasStarted, status.Code, status.Detail);
    }

    // As for unary calls: a reset stream gets nothing more; a passed deadline is reported, in the trailers
    // when messages already went out.
    private void EndStreamCancelled(HttpContext context, string path, bool started)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            GrpcLog.CallCancelled(_logger, path);
            return;
        }

        EndStream(context, path, started, StatusCode.DeadlineExceeded, "deadline exceeded");
    }

    // Before the first message the headers are still unsent, so the status can travel Trailers-Only; after
    // it, the status goes in the trailers that follow the last message.
    private void EndStream(HttpContext context, string path, bool started, StatusCode status, string? detail)
    {
        if (status != StatusCode.OK)
        {
            GrpcLog.CallRejected(_logger, path, status, detail);
        }

        if (started)
        {
            GrpcResponseWriter.WriteTrailers(context.Response, status, detail);
        }
        else
        {
            GrpcResponseWriter.WriteTrailersOnly(context.Response, status, detail);
        }
    }
}
