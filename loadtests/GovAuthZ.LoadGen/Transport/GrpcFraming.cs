using System.Buffers.Binary;

namespace GovAuthZ.LoadGen.Transport;

/// <summary>What a unary response body turned out to hold.</summary>
internal enum FrameCheck
{
    /// <summary>Exactly one complete message.</summary>
    Ok,

    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>Fewer bytes than the 5-byte prefix, or than the length it announces.</summary>
    Truncated,

    /// <summary>A compressed-flag byte other than 0 or 1.</summary>
    BadFlag,

    /// <summary>Bytes after the first message: a unary response carries exactly one.</summary>
    TrailingBytes,
}

/// <summary>
/// gRPC length-prefixed messages (PROTOCOL-HTTP2, "Length-Prefixed-Message"): one flag byte (1 =
/// compressed), a 4-byte big-endian length, then the message. Requests are framed once at start-up, so
/// the measured loop only sends ready-made bytes.
/// </summary>
internal static class GrpcFraming
{
    public const int PrefixLength = 5;

    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        var frame = new byte[PrefixLength + message.Length];
        frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(frame.AsSpan(PrefixLength));
        return frame;
    }

    /// <summary>Checks that a whole response body is exactly one message and locates it.</summary>
    public static FrameCheck ReadSingle(ReadOnlySpan<byte> body, out int messageOffset, out int messageLength, out bool compressed)
    {
        messageOffset = PrefixLength;
        messageLength = 0;
        compressed = false;
        if (body.IsEmpty)
        {
            return FrameCheck.Empty;
        }

        if (body.Length < PrefixLength)
        {
            return FrameCheck.Truncated;
        }

        if (body[0] > 1)
        {
            return FrameCheck.BadFlag;
        }

        compressed = body[0] == 1;
        var announced = BinaryPrimitives.ReadUInt32BigEndian(body.Slice(1, 4));
        var available = (uint)(body.Length - PrefixLength);
        if (announced > available)
        {
            return FrameCheck.Truncated;
        }

        messageLength = (int)announced;
        return announced < available ? FrameCheck.TrailingBytes : FrameCheck.Ok;
    }
}
