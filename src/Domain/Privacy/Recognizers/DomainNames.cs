namespace Governance.Domain.Privacy.Recognizers;

/// <summary>Reads host names (labels of letters, digits and inner hyphens joined by dots) for e-mail and URL recognizers.</summary>
internal static class DomainNames
{
    // Top-level domains common enough that a bare "name.tld" is worth reporting as a URL.
    private static readonly HashSet<string> CommonTlds = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "ai", "app", "dev", "me",
        "us", "uk", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "pt", "ie",
        "eu", "ca", "au", "nz", "in", "jp", "cn", "ru", "br", "mx", "za", "online", "shop", "site", "tech", "xyz",
    };

    private static readonly System.Buffers.SearchValues<char> LetterOrDigit =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    public static bool IsLabelChar(char c) => char.IsLetterOrDigit(c) || c == '-';

    /// <summary>
    /// Reads a host name of at least two labels starting at <paramref name="start"/> whose last label
    /// (the TLD) is at least two letters. Returns its end, or -1; a trailing dot or hyphen is not part of it.
    /// </summary>
    public static int Read(ReadOnlySpan<char> s, int start, out int tldStart)
    {
        tldStart = -1;
        var i = start;
        var labels = 0;
        var end = -1;
        while (true)
        {
            var labelStart = i;
            while (i < s.Length && IsLabelChar(s[i]))
            {
                i++;
            }

            var length = i - labelStart;
            if (length == 0 || length > 63 || s[labelStart] == '-' || s[i - 1] == '-')
            {
                break;
            }

            labels++;
            if (labels >= 2 && IsTld(s[labelStart..i]))
            {
                end = i;
                tldStart = labelStart;
            }

            if (i + 1 < s.Length && s[i] == '.' && IsLabelChar(s[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        return end;
    }

    // Second-level labels countries register names under ("co.il", "com.au", "ac.uk", "or.jp").
    private static readonly HashSet<string> CountrySecondLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        "co", "com", "ac", "gov", "org", "net", "edu", "or", "ne", "go", "gob", "nic",
    };

    /// <summary>
    /// True when a host ends in a known second level under a two-letter country code ("google.co.il"), with
    /// a name before it; <paramref name="tldStart"/> is the offset of the last label in <paramref name="host"/>.
    /// </summary>
    public static bool IsCountrySecondLevel(ReadOnlySpan<char> host, int tldStart)
    {
        if (host.Length - tldStart != 2 || tldStart < 2)
        {
            return false;
        }

        var before = host[..(tldStart - 1)];
        var dot = before.LastIndexOf('.');
        return dot > 0 && CountrySecondLevels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before[(dot + 1)..]);
    }

    public static bool IsCommonTld(ReadOnlySpan<char> tld) => CommonTlds.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tld);

    // Letters only, or an internationalized TLD in its ASCII (punycode) form: "xn--p1ai" is .рф.
    private static bool IsTld(ReadOnlySpan<char> label)
    {
        if (label.Length < 2)
        {
            return false;
        }

        if (label.Length > 4 && label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return label[4..].IndexOfAnyExcept(LetterOrDigit) < 0;
        }

        foreach (var c in label)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
