using System.Buffers;
using System.IO.Pipelines;
using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>
/// Reads the single request message of a unary or server-streaming call: exactly one
/// Length-Prefixed-Message followed by end of stream. The status codes follow what the reference
/// implementations send: a missing, truncated or repeated message is INTERNAL.
/// </summary>
internal static class RequestMessageReader
{
    public static async ValueTask<(byte[]? Message, FramingError Error)> ReadAsync(
        PipeReader reader, string? encoding, int maxMessageSize, CancellationToken cancellationToken)
    {
        byte[]? message = null;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var error = message is null ? TryTakeMessage(ref buffer, encoding, maxMessageSize, out message) : default;
            if (!error.IsError && message is not null && !buffer.IsEmpty)
            {
                error = new FramingError(StatusCode.Internal, "more than one request message for a unary method");
            }

            if (error.IsError)
            {
                reader.AdvanceTo(buffer.End);
                return (null, error);
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return message is not null
                    ? (message, default)
                    : (null, new FramingError(StatusCode.Internal, buffer.IsEmpty ? "request message missing" : "request message incomplete: the stream ended inside a message"));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    // The payload is copied out because it is a slice of the pipe's buffers, which the next
    // AdvanceTo hands back to the pool.
    private static FramingError TryTakeMessage(ref ReadOnlySequence<byte> buffer, string? encoding, int maxMessageSize, out byte[]? message)
    {
        message = null;
        if (!MessageFraming.TryReadFrame(ref buffer, maxMessageSize, out var frame, out var error))
        {
            return error;
        }

        if (!MessageCompression.TryGetMessage(frame, encoding, maxMessageSize, out var plain, out error))
        {
            return error;
        }

        message = plain.ToArray();
        return default;
    }
}
