using GovAuthZ.Grpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>
/// Sends the response messages of one server-streaming call. Each message is framed and flushed at once,
/// so a client sees it without waiting for the next. One write at a time: a second concurrent write is a
/// programming error and throws. Writes after the call ended (handler returned, client gone, deadline
/// passed) throw <see cref="OperationCanceledException"/>.
/// </summary>
#pragma warning disable CA1001 // SemaphoreSlim needs Dispose only once its AvailableWaitHandle is used, which never happens here.
public sealed class GrpcStreamWriter
#pragma warning restore CA1001
{
    private readonly HttpResponse _response;
    private readonly CancellationToken _cancellation;

    // Serialises writes against each other and against the dispatcher writing the trailers, so a handler
    // that outlives its call (it ignored the token) can never interleave bytes with the end of the stream.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ended;

    internal GrpcStreamWriter(HttpResponse response, CancellationToken cancellation)
    {
        _response = response;
        _cancellation = cancellation;
    }

    /// <summary>Messages written so far.</summary>
    public int MessagesWritten { get; private set; }

    /// <summary>True once the response headers went out, i.e. after the first message.</summary>
    internal bool HasStarted { get; private set; }

    /// <summary>Frames <paramref name="message"/> (a serialized protobuf message, uncompressed) and flushes it.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> message)
    {
        if (!_gate.Wait(0))
        {
            throw new InvalidOperationException("a message is still being written; await each WriteAsync before the next");
        }

        try
        {
            if (_ended)
            {
                throw new OperationCanceledException("the call has ended; no more messages can be sent");
            }

            _cancellation.ThrowIfCancellationRequested();
            if (!HasStarted)
            {
                _response.StatusCode = StatusCodes.Status200OK;
                _response.ContentType = ContentTypes.Grpc;
                HasStarted = true;
            }

            MessageFraming.WriteFrame(_response.BodyWriter, message.Span, compressed: false);
            var flush = await _response.BodyWriter.FlushAsync(_cancellation).ConfigureAwait(false);
            if (flush.IsCanceled || flush.IsCompleted)
            {
                throw new OperationCanceledException("the client stopped reading the stream", _cancellation);
            }

            MessagesWritten++;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Waits for a write in progress (it ends promptly: its flush observes the call's token), then refuses
    /// every later write, so the dispatcher owns the response for the trailers.
    /// </summary>
    internal async Task EndAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        _ended = true;
        _gate.Release();
    }
}
