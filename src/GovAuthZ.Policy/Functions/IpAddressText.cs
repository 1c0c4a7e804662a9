using System.Net;
using System.Net.Sockets;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// Strict parsing of IP address text into one 16-byte form: IPv6 as is, IPv4 as its IPv4-mapped IPv6
/// address (::ffff:a.b.c.d), so "10.0.0.1" and "::ffff:10.0.0.1" are the same address. IPv4 must be four
/// decimal parts without leading zeros, as Go's net.ParseIP requires: the BCL parser also accepts "10.1",
/// "0x0a.0.0.1" and octal "010.0.0.1" (= 8.0.0.1), readings a policy author never means. IPv6 text may not
/// carry brackets or a zone ("%eth0").
/// </summary>
internal static class IpAddressText
{
    public const int Length = 16;

    /// <summary>Writes the 16-byte form of <paramref name="text"/> to <paramref name="bytes"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> bytes)
    {
        if (text.Contains(':'))
        {
            return TryParseIPv6(text, bytes);
        }

        bytes[..10].Clear();
        bytes[10] = 0xff;
        bytes[11] = 0xff;
        return TryParseIPv4(text, bytes[12..]);
    }

    /// <summary>Whether the 16-byte form is an IPv4 address (IPv4-mapped IPv6).</summary>
    public static bool IsIPv4(ReadOnlySpan<byte> bytes) =>
        bytes[..10].IndexOfAnyExcept((byte)0) < 0 && bytes[10] == 0xff && bytes[11] == 0xff;

    private static bool TryParseIPv4(ReadOnlySpan<char> text, Span<byte> bytes)
    {
        var part = 0;
        var value = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || part == 3)
                {
                    return false;
                }

                bytes[part++] = (byte)value;
                value = 0;
                digits = 0;
            }
            else if (char.IsAsciiDigit(c) && !(digits == 1 && value == 0))
            {
                value = (value * 10) + (c - '0');
                digits++;
                if (value > 255)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || part != 3)
        {
            return false;
        }

        bytes[3] = (byte)value;
        return true;
    }

    private static bool TryParseIPv6(ReadOnlySpan<char> text, Span<byte> bytes)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c) && c != ':' && c != '.')
            {
                return false;
            }
        }

        // The BCL parser allocates one IPAddress; acceptable off the common (IPv4) path.
        return IPAddress.TryParse(text, out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6
            && address.TryWriteBytes(bytes, out var written)
            && written == Length;
    }
}
