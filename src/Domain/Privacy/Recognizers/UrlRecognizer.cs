namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// URL: http, https and ftp URLs (host name, IPv4 or bracketed IPv6 host, optional port, path, query,
/// fragment), "www." host names under a common or two-letter TLD ("www.microsoft" is none), and, with a lower
/// score, bare host names under a common TLD or a country's second level ("google.co.il").
/// </summary>
public sealed class UrlRecognizer : IPiiRecognizer
{
    public const string EntityType = "URL";
    private const double SchemeScore = 0.9;
    private const double WwwScore = 0.8;
    private const double BareScore = 0.5;
    private const int MaxLabelLength = 63;

    public string Name => nameof(UrlRecognizer);

    public IReadOnlyList<string> EntityTypes { get; } = [EntityType];

    public IReadOnlyList<string> ContextWords { get; } = ["url", "website", "site", "link", "web", "homepage", "domain"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        var i = 0;
        while ((i = Skip(s, i)) < s.Length)
        {
            if (!char.IsLetterOrDigit(s[i]) || (i > 0 && !CanStart(s[i - 1])))
            {
                i++;
                continue;
            }

            var end = Match(s, i, out var score);
            if (end > i)
            {
                results.Add(new PiiCandidate(EntityType, i, end, score, Name));
                i = end;
                continue;
            }

            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '-'))
            {
                i++;
            }
        }
    }

    // Every URL holds a ':' (its scheme) or a '.' followed by a label character (its host name) within
    // one DNS label (63 characters) of its start; a sentence's closing '.' is not followed by one.
    private static int Skip(ReadOnlySpan<char> s, int i)
    {
        var from = i;
        while (from < s.Length)
        {
            var p = s[from..].IndexOfAny(':', '.');
            if (p < 0)
            {
                return s.Length;
            }

            p += from;
            if (s[p] == ':' || (p + 1 < s.Length && DomainNames.IsLabelChar(s[p + 1])))
            {
                return Math.Max(i, p - MaxLabelLength);
            }

            from = p + 1;
        }

        return s.Length;
    }

    // Not inside a word, an e-mail address, a longer host name or a path.
    private static bool CanStart(char previous) =>
        !char.IsLetterOrDigit(previous) && previous is not ('@' or '.' or '-' or '_' or '/' or ':' or '%');

    private static int Match(ReadOnlySpan<char> s, int start, out double score)
    {
        score = SchemeScore;
        var rest = s[start..];
        var hostStart = rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? start + 8
            : rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
                ? start + rest.IndexOf('/') + 2
                : -1;
        if (hostStart > 0)
        {
            var hostEnd = UrlParts.ReadHost(s, hostStart);
            return hostEnd < 0 ? -1 : UrlParts.ReadTail(s, hostEnd);
        }

        var end = DomainNames.Read(s, start, out var tldStart);
        if (end < 0)
        {
            return -1;
        }

        var tld = s[tldStart..end];
        if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && (DomainNames.IsCommonTld(tld) || tld.Length == 2))
        {
            score = WwwScore;
        }
        else if ((DomainNames.IsCommonTld(tld) || DomainNames.IsCountrySecondLevel(s[start..end], tldStart - start)) && (end >= s.Length || s[end] != '@'))
        {
            score = BareScore;
        }
        else
        {
            return -1;
        }

        return UrlParts.ReadTail(s, end);
    }
}
