using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;

namespace GovAuthZ.Grpc.Protocol;

/// <summary>
/// Reads and writes Length-Prefixed-Message frames: a 1-byte Compressed-Flag, a 4-byte big-endian
/// Message-Length, then the message bytes (gRPC over HTTP/2, "Length-Prefixed-Message").
/// </summary>
internal static class MessageFraming
{
    /// <summary>Bytes before the payload: the flag and the length.</summary>
    public const int HeaderSize = 5;

    /// <summary>
    /// Takes one complete frame from the start of <paramref name="buffer"/> and advances the buffer past it.
    /// Returns false with no error when more bytes are needed (the buffer is left unchanged), and false
    /// with <paramref name="error"/> set when the frame can never be accepted.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out Frame frame, out FramingError error)
    {
        frame = default;
        error = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);

        // The spec allows only 0 and 1; anything else means the peer is not speaking gRPC framing.
        var flag = header[0];
        if (flag > 1)
        {
            error = new FramingError(StatusCode.Internal, "invalid compressed flag " + flag.ToString(CultureInfo.InvariantCulture) + " in message header");
            return false;
        }

        // Checked as soon as the header arrives, so an oversized message is refused before it is buffered.
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
        {
            error = TooLarge(length, maxMessageSize, "received");
            return false;
        }

        if (buffer.Length - HeaderSize < length)
        {
            return false;
        }

        frame = new Frame(flag == 1, buffer.Slice(HeaderSize, length));
        buffer = buffer.Slice(HeaderSize + (long)length);
        return true;
    }

    /// <summary>Writes one frame; the caller has already compressed the payload when <paramref name="compressed"/> is set.</summary>
    public static void WriteFrame(IBufferWriter<byte> writer, ReadOnlySpan<byte> payload, bool compressed)
    {
        var header = writer.GetSpan(HeaderSize);
        header[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)payload.Length);
        writer.Advance(HeaderSize);
        writer.Write(payload);
    }

    /// <summary>The ResourceExhausted status for a message over the limit (direction: "received" or "decompressed").</summary>
    internal static FramingError TooLarge(long length, int maxMessageSize, string what) =>
        new(StatusCode.ResourceExhausted, string.Create(CultureInfo.InvariantCulture,
            $"{what} message larger than max ({length} vs. {maxMessageSize})"));
}
