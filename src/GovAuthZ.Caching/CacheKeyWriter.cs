using System.Buffers;
using System.Buffers.Binary;
using System.Text.Unicode;

namespace GovAuthZ.Caching;

/// <summary>How writing a key ended.</summary>
public enum CacheKeyStatus
{
    /// <summary>Every value was written.</summary>
    Complete,

    /// <summary>The buffer was too small; retry with a larger one (up to the cache's MaxKeyBytes).</summary>
    TooLong,

    /// <summary>A string was not valid UTF-16 (an unpaired surrogate); such a request is not cached.</summary>
    Invalid,
}

/// <summary>
/// Writes a canonical cache key into caller-provided scratch (stack or pooled): bytes, fixed-width
/// little-endian integers and length-prefixed UTF-8 strings, so no two different value sequences share
/// a key (("ab", "c") and ("a", "bc") differ in their prefixes; design 7.3: never values joined by a
/// separator). The caller writes values in a fixed order and tags every optional or variant part.
/// <para>
/// Strings are transcoded strictly: a lenient encoder would turn every unpaired surrogate into U+FFFD and
/// so give two different strings one key, i.e. one request another's decision. After the first failure
/// nothing more is written and <see cref="Status"/> says why.
/// </para>
/// </summary>
public ref struct CacheKeyWriter
{
    private readonly Span<byte> _buffer;
    private int _length;

    public CacheKeyWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _length = 0;
        Status = CacheKeyStatus.Complete;
    }

    public CacheKeyStatus Status { get; private set; }

    /// <summary>The key so far; the whole key once <see cref="Status"/> is <see cref="CacheKeyStatus.Complete"/>.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    public void WriteByte(byte value)
    {
        if (Reserve(1) is { IsEmpty: false } destination)
        {
            destination[0] = value;
        }
    }

    public void WriteInt32(int value)
    {
        if (Reserve(sizeof(int)) is { IsEmpty: false } destination)
        {
            BinaryPrimitives.WriteInt32LittleEndian(destination, value);
        }
    }

    /// <summary>Writes the UTF-8 byte count (32 bits) and then the bytes.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Status != CacheKeyStatus.Complete)
        {
            return;
        }

        var start = _length;
        if (Reserve(sizeof(int)).IsEmpty)
        {
            return;
        }

        var result = Utf8.FromUtf16(value, _buffer[_length..], out _, out var written, replaceInvalidSequences: false);
        switch (result)
        {
            case OperationStatus.Done:
                BinaryPrimitives.WriteInt32LittleEndian(_buffer[start..], written);
                _length += written;
                break;
            case OperationStatus.DestinationTooSmall:
                Status = CacheKeyStatus.TooLong;
                break;
            default:
                Status = CacheKeyStatus.Invalid;
                break;
        }
    }

    // An empty span means "stop": the buffer is full or an earlier value failed. Every reservation is
    // at least one byte, so an empty span is never a valid reservation.
    private Span<byte> Reserve(int count)
    {
        if (Status != CacheKeyStatus.Complete)
        {
            return default;
        }

        if (_buffer.Length - _length < count)
        {
            Status = CacheKeyStatus.TooLong;
            return default;
        }

        var destination = _buffer.Slice(_length, count);
        _length += count;
        return destination;
    }
}
