using System.Buffers;
using System.IO.Compression;

namespace GovAuthZ.Grpc.Protocol;

/// <summary>
/// Per-message compression (<c>grpc-encoding</c>). Only gzip is accepted; the caller advertises that in
/// <c>grpc-accept-encoding</c> so a client that used another coding learns what to use instead.
/// </summary>
internal static class MessageCompression
{
    public const string Gzip = "gzip";

    public const string Identity = "identity";

    /// <summary>Value for the <c>grpc-accept-encoding</c> response header.</summary>
    public const string AcceptEncoding = "identity,gzip";

    /// <summary>
    /// Gives the plain message of a frame. Uncompressed frames are returned as they are; compressed ones
    /// are inflated, never beyond <paramref name="maxMessageSize"/> bytes, so a small gzip bomb costs at
    /// most that much memory.
    /// </summary>
    public static bool TryGetMessage(in Frame frame, string? encoding, int maxMessageSize, out ReadOnlySequence<byte> message, out FramingError error)
    {
        message = default;
        error = default;
        if (!frame.Compressed)
        {
            message = frame.Payload;
            return true;
        }

        // A set flag with no (or identity) message encoding is a protocol violation, not a choice we refuse.
        if (string.IsNullOrEmpty(encoding) || string.Equals(encoding, Identity, StringComparison.OrdinalIgnoreCase))
        {
            error = new FramingError(StatusCode.Internal, "compressed flag set but grpc-encoding is identity or absent");
            return false;
        }

        if (!string.Equals(encoding, Gzip, StringComparison.OrdinalIgnoreCase))
        {
            error = new FramingError(StatusCode.Unimplemented, "message encoding '" + encoding + "' is not supported; use gzip or identity");
            return false;
        }

        return TryInflate(frame.Payload, maxMessageSize, out message, out error);
    }

    /// <summary>Compresses a message with gzip, for a frame written with the compressed flag set.</summary>
    public static byte[] CompressGzip(ReadOnlySpan<byte> message)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(message);
        }

        return output.ToArray();
    }

    private static bool TryInflate(ReadOnlySequence<byte> payload, int maxMessageSize, out ReadOnlySequence<byte> message, out FramingError error)
    {
        message = default;
        error = default;
        using var input = new MemoryStream(payload.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);

        // One byte of headroom tells "exactly the limit" apart from "over it" without inflating further.
        var buffer = new byte[Math.Min(maxMessageSize + 1L, 64 * 1024)];
        var total = 0;
        try
        {
            int read;
            while ((read = gzip.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total > maxMessageSize)
                {
                    error = MessageFraming.TooLarge(total, maxMessageSize, "decompressed");
                    return false;
                }

                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(Math.Min(buffer.Length * 2L, maxMessageSize + 1L), Array.MaxLength));
                }
            }
        }
        catch (InvalidDataException e)
        {
            error = new FramingError(StatusCode.Internal, "gzip message could not be decompressed: " + e.Message);
            return false;
        }

        message = new ReadOnlySequence<byte>(buffer, 0, total);
        return true;
    }
}
