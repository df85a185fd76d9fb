namespace Governance.Domain.Privacy.Recognizers;

/// <summary>Parsers for IPv4 dotted quads and IPv6 addresses (full, '::'-compressed, with an embedded IPv4 tail).</summary>
internal static class IpAddresses
{
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
