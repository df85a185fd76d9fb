namespace Governance.Domain.Privacy.Recognizers;

/// <summary>The pieces of a URL after its scheme: host, port, path, query and fragment.</summary>
internal static class UrlParts
{
    /// <summary>Reads a host name, "localhost", an IPv4 address or a bracketed IPv6 address; returns its end or -1.</summary>
    public static int ReadHost(ReadOnlySpan<char> s, int start)
    {
        if (start >= s.Length)
        {
            return -1;
        }

        if (s[start] == '[')
        {
            var close = s[start..].IndexOf(']');
            return close > 2 && IpAddresses.ReadIPv6(s, start + 1) == start + close ? start + close + 1 : -1;
        }

        var ipv4 = IpAddresses.ReadIPv4(s, start);
        if (ipv4 > 0)
        {
            return ipv4;
        }

        if (s[start..].StartsWith("localhost", StringComparison.OrdinalIgnoreCase)
            && (start + 9 == s.Length || !DomainNames.IsLabelChar(s[start + 9])))
        {
            return start + 9;
        }

        return DomainNames.Read(s, start, out _);
    }

    /// <summary>Extends a URL past its port, path, query and fragment; trailing sentence punctuation stays outside.</summary>
    public static int ReadTail(ReadOnlySpan<char> s, int end)
    {
        if (end < s.Length && s[end] == ':' && end + 1 < s.Length && char.IsAsciiDigit(s[end + 1]))
        {
            end++;
            while (end < s.Length && char.IsAsciiDigit(s[end]))
            {
                end++;
            }
        }

        if (end >= s.Length || s[end] is not ('/' or '?' or '#'))
        {
            return end;
        }

        var opened = 0;
        while (end < s.Length && IsUrlChar(s[end]))
        {
            opened += s[end] == '(' ? 1 : s[end] == ')' ? -1 : 0;
            if (opened < 0)
            {
                break;
            }

            end++;
        }

        while (s[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*')
        {
            end--;
        }

        return end;
    }

    private static bool IsUrlChar(char c) =>
        !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not ('"' or '<' or '>' or '`' or '{' or '}' or '|' or '\\' or '^');
}
