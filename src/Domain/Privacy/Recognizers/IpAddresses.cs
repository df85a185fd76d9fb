namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// Parsers for IPv4 dotted quads and IPv6 addresses (full, '::'-compressed, with an embedded IPv4 tail),
/// and for the other IPv4 notations address parsers (inet_aton, browsers) accept: zero-padded, octal
/// and hex octets ("192.168.001.024", "0300.0250.01.030", "0xC0.0xA8.0x01.0x18") and one 32-bit number
/// ("3232235800", "0xC0A80118").
/// </summary>
internal static class IpAddresses
{
    /// <summary>Reads four octets in any notation (decimal, zero-padded, 0-octal, 0x-hex) joined by dots; returns the end or -1.</summary>
    public static int ReadIPv4AnyNotation(ReadOnlySpan<char> s, int start)
    {
        var i = start;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= s.Length || s[i] != '.')
                {
                    return -1;
                }

                i++;
            }

            i = ReadOctet(s, i);
            if (i < 0)
            {
                return -1;
            }
        }

        return i < s.Length && char.IsAsciiHexDigit(s[i]) ? -1 : i;
    }

    /// <summary>
    /// Reads one 32-bit number written whole, in decimal (8 to 10 digits) or hex ("0x" and 7 or 8 digits),
    /// whose first octet is not 0; returns the end or -1. Whether it is an address is for context to say.
    /// </summary>
    public static int ReadIPv4Integer(ReadOnlySpan<char> s, int start)
    {
        var hex = start + 1 < s.Length && s[start] == '0' && (s[start + 1] | 0x20) == 'x';
        var i = hex ? start + 2 : start;
        var digitsStart = i;
        ulong value = 0;
        while (i < s.Length && (hex ? char.IsAsciiHexDigit(s[i]) : char.IsAsciiDigit(s[i])) && i - digitsStart <= 10)
        {
            value = (value * (hex ? 16UL : 10UL)) + (ulong)HexValue(s[i]);
            i++;
        }

        var length = i - digitsStart;
        var lengthOk = hex ? length is 7 or 8 : length is >= 8 and <= 10;
        return lengthOk && value is >= 1UL << 24 and <= uint.MaxValue ? i : -1;
    }

    // Decimal 0-255 (zero padding allowed), octal after a leading 0 (up to 0377), or 0x and one or two hex digits.
    private static int ReadOctet(ReadOnlySpan<char> s, int i)
    {
        if (i + 1 < s.Length && s[i] == '0' && (s[i + 1] | 0x20) == 'x')
        {
            var hexStart = i + 2;
            var j = hexStart;
            while (j < s.Length && char.IsAsciiHexDigit(s[j]) && j - hexStart < 2)
            {
                j++;
            }

            return j > hexStart && !(j < s.Length && char.IsAsciiHexDigit(s[j])) ? j : -1;
        }

        var k = i;
        var decimalValue = 0;
        var octalValue = 0;
        var octal = true;
        while (k < s.Length && char.IsAsciiDigit(s[k]) && k - i < 4)
        {
            decimalValue = (decimalValue * 10) + s[k] - '0';
            octalValue = (octalValue * 8) + s[k] - '0';
            octal &= s[k] <= '7';
            k++;
        }

        var length = k - i;
        if (length == 0 || (k < s.Length && char.IsAsciiDigit(s[k])))
        {
            return -1;
        }

        var asDecimal = length <= 3 && decimalValue <= 255;
        var asOctal = length > 1 && s[i] == '0' && octal && octalValue <= 255;
        return asDecimal || asOctal ? k : -1;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>Reads four decimal octets 0-255 (no leading zeros) joined by dots; returns the end or -1.</summary>
    public static int ReadIPv4(ReadOnlySpan<char> s, int start)
    {
        var i = start;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= s.Length || s[i] != '.')
                {
                    return -1;
                }

                i++;
            }

            var digitsStart = i;
            var value = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && i - digitsStart < 3)
            {
                value = (value * 10) + s[i] - '0';
                i++;
            }

            var length = i - digitsStart;
            if (length == 0 || value > 255 || (length > 1 && s[digitsStart] == '0'))
            {
                return -1;
            }
        }

        return i < s.Length && char.IsAsciiDigit(s[i]) ? -1 : i;
    }

    /// <summary>Reads an IPv6 address; returns its end or -1.</summary>
    public static int ReadIPv6(ReadOnlySpan<char> s, int start)
    {
        var i = start;
        var groups = 0;
        var compressed = false;
        if (s[i..].StartsWith("::", StringComparison.Ordinal))
        {
            compressed = true;
            i += 2;
        }

        while (groups < 8)
        {
            var ipv4 = groups <= 6 && (compressed || groups == 6) ? ReadIPv4(s, i) : -1;
            if (ipv4 > 0)
            {
                groups += 2;
                i = ipv4;
                break;
            }

            var hexStart = i;
            while (i < s.Length && char.IsAsciiHexDigit(s[i]) && i - hexStart < 4)
            {
                i++;
            }

            if (i == hexStart)
            {
                break;
            }

            groups++;
            if (i + 1 < s.Length && s[i] == ':' && s[i + 1] == ':' && !compressed)
            {
                compressed = true;
                i += 2;
            }
            else if (i + 1 < s.Length && s[i] == ':' && char.IsAsciiHexDigit(s[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        var complete = compressed ? groups is >= 1 and <= 7 : groups == 8;
        return complete && (i >= s.Length || !(char.IsAsciiHexDigit(s[i]) || s[i] == ':')) ? i : -1;
    }
}
