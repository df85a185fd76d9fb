using System.Text.RegularExpressions;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// Presidio's allow_list: a finding whose text is listed ("exact") or in which one of the patterns is
/// found ("regex", a search, not a full match, under regex_flags) is dropped.
/// </summary>
internal sealed class AllowList
{
    private readonly HashSet<string>? _exact;
    private readonly Regex? _regex;

    private AllowList(HashSet<string>? exact, Regex? regex)
    {
        _exact = exact;
        _regex = regex;
    }

    public static AllowList Read(PresidioJson json)
    {
        var terms = json.Strings("allow_list");
        var match = json.String("allow_list_match") ?? "exact";
        var flags = AnalyzerOptionsReader.Flags(json.Integer("regex_flags"));
        if (match is not ("exact" or "regex"))
        {
            throw new PresidioRequestException("allow_list_match must either be set to 'exact' or 'regex'.");
        }

        if (terms is null || terms.Count == 0)
        {
            return new AllowList(null, null);
        }

        if (match == "exact")
        {
            return new AllowList(new HashSet<string>(terms, StringComparer.Ordinal), null);
        }

        var nonEmpty = terms.Where(t => t.Length > 0).ToArray();
        return nonEmpty.Length == 0
            ? new AllowList(null, null)
            : new AllowList(null, AnalyzerOptionsReader.Compile(string.Join('|', nonEmpty), flags, "allow_list"));
    }

    public bool Allows(string text, int start, int end)
    {
        if (_exact is not null)
        {
            return _exact.Contains(text[start..end]);
        }

        try
        {
            return _regex is not null && _regex.IsMatch(text.AsSpan(start, end - start));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
