using System.Buffers;
using System.Text;

namespace GovAuthZ.Tokens.Clients;

/// <summary>
/// Parses "Authorization: Basic ..." for client authentication. RFC 6749 section 2.3.1: client_id and
/// client_secret are each encoded with application/x-www-form-urlencoded before being joined with ':' and
/// base64-encoded, so each must be form-decoded after the split ('+' is a space, %XX a UTF-8 byte). A
/// secret containing ':' arrives as %3A and survives the split. Decoding is strict: bad base64, bad UTF-8
/// or a broken percent sequence is a malformed header, not a best-effort guess.
/// </summary>
internal static class BasicCredentials
{
    private const int MaxHeaderLength = 2048;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsBasic(string? header) =>
        header is not null && header.Length > 6 && header.AsSpan(0, 6).Equals("Basic ", StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string header, out string clientId, out string secret)
    {
        clientId = secret = string.Empty;
        if (!IsBasic(header) || header.Length > MaxHeaderLength)
        {
            return false;
        }

        var encoded = header.AsSpan(6).Trim(' ');
        var buffer = ArrayPool<byte>.Shared.Rent(encoded.Length);
        try
        {
            if (!Convert.TryFromBase64Chars(encoded, buffer, out var length))
            {
                return false;
            }

            var decoded = StrictUtf8.GetString(buffer, 0, length);
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon > 0
                && TryFormDecode(decoded.AsSpan(0, colon), out clientId)
                && TryFormDecode(decoded.AsSpan(colon + 1), out secret)
                && clientId.Length > 0;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>application/x-www-form-urlencoded decoding (WHATWG URL, urlencoded parser), strict on '%'.</summary>
    internal static bool TryFormDecode(ReadOnlySpan<char> value, out string decoded)
    {
        decoded = string.Empty;
        var bytes = new List<byte>(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= value.Length || !IsHex(value[i + 1]) || !IsHex(value[i + 2]))
                {
                    return false;
                }

                bytes.Add((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                i += 2;
            }
            else
            {
                var count = Encoding.UTF8.GetBytes(value.Slice(i, char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1), utf8);
                i += char.IsHighSurrogate(c) && i + 1 < value.Length ? 1 : 0;
                for (var j = 0; j < count; j++)
                {
                    bytes.Add(utf8[j]);
                }
            }
        }

        try
        {
            decoded = StrictUtf8.GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
