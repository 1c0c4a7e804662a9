using System.Buffers;

namespace GovAuthZ.Grpc.Protocol;

/// <summary>
/// One Length-Prefixed-Message. The payload is a slice of the caller's buffer: it is valid only until
/// the caller releases that buffer (e.g. advances its pipe reader).
/// </summary>
internal readonly struct Frame
{
    public Frame(bool compressed, ReadOnlySequence<byte> payload)
    {
        Compressed = compressed;
        Payload = payload;
    }

    public bool Compressed { get; }

    public ReadOnlySequence<byte> Payload { get; }
}
