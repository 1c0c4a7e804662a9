using System.Text;

namespace GovAuthZ.Grpc.Protocol;

/// <summary>
/// The <c>grpc-message</c> trailer is percent-encoded UTF-8: bytes 0x20-0x7E other than '%' travel as
/// they are, every other byte as %XX. HTTP/2 header values cannot carry arbitrary text, hence this.
/// </summary>
internal static class StatusMessage
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Encodes a message; a message that needs no escaping is returned as the same instance.</summary>
    public static string Encode(string message)
    {
        if (!NeedsEncoding(message))
        {
            return message;
        }

        var bytes = Encoding.UTF8.GetBytes(message);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes a received message. The spec forbids failing on a bad value, so a '%' not followed by two
    /// hex digits is kept literally, and invalid UTF-8 becomes U+FFFD rather than an error.
    /// </summary>
    public static string Decode(string encoded)
    {
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        var bytes = new List<byte>(encoded.Length);
        Span<byte> scratch = stackalloc byte[4];
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length && TryHex(encoded[i + 1], encoded[i + 2], out var escaped))
            {
                bytes.Add(escaped);
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                // A non-conforming sender put raw text in the header; keep it as the text it was.
                _ = Rune.DecodeFromUtf16(encoded.AsSpan(i), out var rune, out var consumed);
                var length = rune.EncodeToUtf8(scratch);
                i += consumed - 1;
                for (var k = 0; k < length; k++)
                {
                    bytes.Add(scratch[k]);
                }
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool NeedsEncoding(string message)
    {
        foreach (var c in message)
        {
            if (c > 0x7E || !IsUnreserved((byte)c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnreserved(byte b) => b >= 0x20 && b <= 0x7E && b != (byte)'%';

    private static bool TryHex(char high, char low, out byte value)
    {
        var h = HexValue(high);
        var l = HexValue(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
