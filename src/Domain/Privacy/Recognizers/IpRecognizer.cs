using System.Buffers;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// IP_ADDRESS: IPv4 dotted quads (octets 0-255) and IPv6 addresses in full, compressed and IPv4-tailed forms,
/// each with its CIDR prefix length ("10.0.0.0/8") and an IPv6 zone ("fe80::1%eth0") as part of the span, as
/// Presidio reports them; the unspecified address "::" alone scores low (0.1), as in Presidio.
/// </summary>
public sealed class IpRecognizer : IPiiRecognizer
{
    public const string EntityType = "IP_ADDRESS";
    private const double Score = 0.6;
    private const double UnspecifiedScore = 0.1;

    public string Name => nameof(IpRecognizer);

    // An IPv4 address has a '.' within 3 characters of its start, an IPv6 one a ':' within 4.
    private static readonly SearchValues<char> Separators = SearchValues.Create(".:");

    public IReadOnlyList<string> EntityTypes { get; } = [EntityType];

    // A dotted quad labelled as a section or version number ("Section 3.2.1.4", "version 1.0.0.2") is one.
    private static readonly string[] Numbering =
    [
        "section", "sections", "sec", "chapter", "clause", "article", "paragraph", "para", "appendix", "part", "item", "rule", "step",
        "figure", "fig", "table", "version", "release", "build", "oid", "revision", "rev",
    ];

    public IReadOnlyList<string> ContextWords { get; } = ["ip", "ipv4", "ipv6", "address", "host", "server", "client", "source", "from"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        var i = 0;
        while ((i = Anchors.Skip(s, i, Separators, 0, 4)) < s.Length)
        {
            var c = s[i];
            if (!(char.IsAsciiHexDigit(c) || c == ':') || (i > 0 && !CanStart(s[i - 1])))
            {
                i++;
                continue;
            }

            var end = char.IsAsciiDigit(c) ? IpAddresses.ReadIPv4(s, i) : -1;
            end = end < 0 && char.IsAsciiDigit(c) ? IpAddresses.ReadIPv4AnyNotation(s, i) : end;
            if (end > 0 && !ContinuesNumber(s, end) && !Labels.IsLabelled(s, i, Numbering))
            {
                end = WithPrefixLength(s, end, 32);
                results.Add(new PiiCandidate(EntityType, i, end, Score, Name));
                i = end;
                continue;
            }

            end = IpAddresses.ReadIPv6(s, i);
            // "::ffff:256.0.0.1" and "2001:db8::256.1.1.1" hold a broken IPv4 tail: no address, not a shorter one.
            if (end > 0 && (end >= s.Length || !IsWordChar(s[end])) && !ContinuesNumber(s, end))
            {
                end = WithPrefixLength(s, WithZone(s, end), 128);
                results.Add(new PiiCandidate(EntityType, i, end, Score, Name));
                i = end;
                continue;
            }

            if (IsUnspecified(s, i))
            {
                end = WithPrefixLength(s, i + 2, 128);
                results.Add(new PiiCandidate(EntityType, i, end, UnspecifiedScore, Name));
                i = end;
                continue;
            }

            while (i < s.Length && (IsWordChar(s[i]) || s[i] is ':' or '.'))
            {
                i++;
            }
        }

        AnalyzeIntegers(s, results);
    }

    // One 32-bit number is an address only where the text says so: right after "ip", "host", ... or as a URL's host.
    private void AnalyzeIntegers(ReadOnlySpan<char> s, List<PiiCandidate> results)
    {
        var i = 0;
        while (i < s.Length)
        {
            var p = s[i..].IndexOfAnyInRange('0', '9');
            if (p < 0)
            {
                return;
            }

            i += p;
            var end = i == 0 || CanStart(s[i - 1]) ? IpAddresses.ReadIPv4Integer(s, i) : -1;
            if (end > 0 && !ContinuesNumber(s, end) && (IsUrlHost(s, i) || Labels.IsLabelledWithin2Words(s, i, IntegerLabels, IntegerFillers)))
            {
                results.Add(new PiiCandidate(EntityType, i, end, Score, Name));
            }

            while (i < s.Length && IsWordChar(s[i]))
            {
                i++;
            }
        }
    }

    private static readonly string[] IntegerLabels = ["ip", "ipv4", "host", "server", "client", "address", "addr"];

    private static readonly string[] IntegerFillers = ["address", "addr", "is", "was"];

    // "::" on its own: not part of a longer address, a C++ scope ("std::") or a run of colons.
    private static bool IsUnspecified(ReadOnlySpan<char> s, int i) =>
        s[i..].StartsWith("::", StringComparison.Ordinal)
        && (i + 2 >= s.Length || !(IsWordChar(s[i + 2]) || s[i + 2] is ':' or '.'));

    // A CIDR prefix length ("/24", at most max, no leading zero) belongs to the address it follows.
    private static int WithPrefixLength(ReadOnlySpan<char> s, int end, int max)
    {
        if (end + 1 >= s.Length || s[end] != '/' || !char.IsAsciiDigit(s[end + 1]))
        {
            return end;
        }

        var i = end + 1;
        var value = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i - end <= 3)
        {
            value = (value * 10) + s[i] - '0';
            i++;
        }

        var leadingZero = s[end + 1] == '0' && i - end > 2;
        return value <= max && !leadingZero && (i >= s.Length || !(IsWordChar(s[i]) || s[i] == '/')) ? i : end;
    }

    // An IPv6 zone index ("%eth0", "%3") names the interface of a link-local address and is part of it.
    private static int WithZone(ReadOnlySpan<char> s, int end)
    {
        if (end + 1 >= s.Length || s[end] != '%' || !char.IsAsciiLetterOrDigit(s[end + 1]))
        {
            return end;
        }

        var i = end + 1;
        while (i < s.Length && char.IsAsciiLetterOrDigit(s[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsUrlHost(ReadOnlySpan<char> s, int start) => s[..start].EndsWith("://", StringComparison.Ordinal);

    private static bool CanStart(char previous) => !IsWordChar(previous) && previous is not ('.' or ':');

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    // "1.2.3.4.5" is a version or an OID, not an address; "1.2.3.4a" is not one either.
    private static bool ContinuesNumber(ReadOnlySpan<char> s, int end) =>
        end < s.Length && (IsWordChar(s[end]) || (s[end] == '.' && end + 1 < s.Length && char.IsAsciiDigit(s[end + 1])));
}
