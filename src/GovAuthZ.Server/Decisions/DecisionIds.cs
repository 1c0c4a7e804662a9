using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// Makes decision ids: UUID version 7 (RFC 9562 section 5.7), a 48-bit Unix millisecond timestamp from
/// the injected clock followed by 74 random bits, in the canonical text form.
/// <para>
/// Why not <see cref="Guid.CreateVersion7(DateTimeOffset)"/>: it asks the operating system for 16 random
/// bytes on every call, and that call costs more than answering a check from the cache (measured here:
/// about 0.6 us, against about 10 ns per id when the same generator fills a 4 KiB buffer at a time). The
/// bytes still come from the operating system's cryptographic generator; each thread keeps its own
/// buffer and uses every byte once, so no lock is taken and no two ids share random bits.
/// </para>
/// </summary>
internal sealed class DecisionIds
{
    private const int BufferBytes = 4096;
    private const int IdBytes = 16;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_next;

    private readonly TimeProvider _time;

    public DecisionIds(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    public string Next()
    {
        Span<byte> id = stackalloc byte[IdBytes];
        TakeRandom(id);

        // Bytes 0-5: the timestamp, big-endian; the top two bytes of the 64-bit value are dropped.
        Span<byte> stamp = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(stamp, _time.GetUtcNow().ToUnixTimeMilliseconds());
        stamp[2..].CopyTo(id);
        id[6] = (byte)(0x70 | (id[6] & 0x0F)); // version 7
        id[8] = (byte)(0x80 | (id[8] & 0x3F)); // variant 10 (RFC 9562)
        return new Guid(id, bigEndian: true).ToString();
    }

    private static void TakeRandom(Span<byte> destination)
    {
        var buffer = t_random;
        if (buffer is null || t_next + destination.Length > BufferBytes)
        {
            buffer ??= t_random = new byte[BufferBytes];
            RandomNumberGenerator.Fill(buffer);
            t_next = 0;
        }

        buffer.AsSpan(t_next, destination.Length).CopyTo(destination);
        t_next += destination.Length;
    }
}
