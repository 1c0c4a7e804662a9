using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// Casbin's ipMatch: whether address ip1 equals address ip2 or lies in the CIDR block ip2
/// ("192.168.2.123" is in "192.168.2.0/24"; host bits of the block's address are ignored, as Go does).
/// IPv4 and IPv4-mapped IPv6 are one address family: "::ffff:10.1.2.3" is in "10.0.0.0/8", and a block
/// written "::ffff:10.0.0.0/104" is "10.0.0.0/8". Otherwise families never mix: an IPv4 address is not in
/// "::/0", as in Casbin. Malformed arguments throw <c>EvalBadArgument</c>.
/// Thread safety: stateless; no allocation for IPv4 arguments.
/// </summary>
internal static class IpMatchFunctions
{
    /// <summary>Bits of the IPv4-mapped prefix ::ffff:0:0/96 in front of an IPv4 address.</summary>
    private const int MappedPrefixBits = 96;

    public static bool IpMatch(string ip1, string ip2)
    {
        Span<byte> address = stackalloc byte[IpAddressText.Length];
        if (!IpAddressText.TryParse(ip1, address))
        {
            throw new GovAuthZException(ErrorCode.EvalBadArgument, $"ipMatch: ip1 {FunctionArguments.Quote(ip1)} is not an IP address");
        }

        Span<byte> network = stackalloc byte[IpAddressText.Length];
        var slash = ip2.IndexOf('/', StringComparison.Ordinal);
        var text = slash < 0 ? ip2.AsSpan() : ip2.AsSpan(0, slash);
        if (!IpAddressText.TryParse(text, network))
        {
            throw new GovAuthZException(ErrorCode.EvalBadArgument, $"ipMatch: ip2 {FunctionArguments.Quote(ip2)} is neither an IP address nor a CIDR block");
        }

        if (slash < 0)
        {
            return address.SequenceEqual(network);
        }

        var writtenAsIPv4 = !text.Contains(':');
        if (!TryParsePrefix(ip2.AsSpan(slash + 1), writtenAsIPv4 ? 32 : 128, out var prefix))
        {
            throw new GovAuthZException(ErrorCode.EvalBadArgument, $"ipMatch: ip2 {FunctionArguments.Quote(ip2)} has an invalid prefix length");
        }

        var bits = writtenAsIPv4 ? MappedPrefixBits + prefix : prefix;

        // A block shorter than /96 in 16-byte form is an IPv6 block, which holds no IPv4 address.
        if (bits < MappedPrefixBits && IpAddressText.IsIPv4(address))
        {
            return false;
        }

        return SamePrefix(address, network, bits);
    }

    /// <summary>Decimal 0..max without sign or leading zeros, as in "/24" or "/0".</summary>
    private static bool TryParsePrefix(ReadOnlySpan<char> text, int max, out int prefix)
    {
        prefix = 0;
        if (text.Length == 0 || text.Length > 3 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            prefix = (prefix * 10) + (c - '0');
        }

        return prefix <= max;
    }

    private static bool SamePrefix(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int bits)
    {
        var whole = bits / 8;
        if (!a[..whole].SequenceEqual(b[..whole]))
        {
            return false;
        }

        var rest = bits % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xff << (8 - rest));
        return (a[whole] & mask) == (b[whole] & mask);
    }
}
