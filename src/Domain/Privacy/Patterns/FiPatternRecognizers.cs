namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// Presidio's Finnish personal identity code (henkilötunnus) recognizer: ddmmyy, a century sign, three
/// digits and a check character (the nine digits mod 31 index "0123456789ABCDEFHJKLMNPRSTUVWXY"); its
/// patterns, scores and context words (facts from presidio_analyzer/predefined_recognizers/country_specific/finland).
/// The date and the check character together pass about one random code in sixty thousand, so a passing
/// code scores 1.0 as in Presidio.
/// </summary>
public static class FiPatternRecognizers
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    public static PatternRecognizer PersonalIdentityCode { get; } = new("FiPersonalIdentityCodeRecognizer", "FI_PERSONAL_IDENTITY_CODE",
        [
            new("Finnish Personal Identity Code (Medium)", @"\b[0-9]{6}[-+ABCDEFYXWVU][0-9]{3}[0123456789ABCDEFHJKLMNPRSTUVWXY]\b", 0.5),
            new("Finnish Personal Identity Code (Very Weak)", @"[0-9]{6}[-+ABCDEFYXWVU][0-9]{3}[0123456789ABCDEFHJKLMNPRSTUVWXY]", 0.1),
        ],
        ["hetu", "henkilötunnus", "personbeteckningen", "personal identity code"],
        Verify, 1.0);

    /// <summary>
    /// Presidio reads the date as ddmmyy with a two-digit year (Python's %y, 1969-2068), whatever the century
    /// sign says; the check character is compared as written (upper case).
    /// </summary>
    public static MatchVerdict Verify(ReadOnlySpan<char> match)
    {
        if (match.Length != 11)
        {
            return MatchVerdict.Refused;
        }

        var day = Two(match, 0);
        var month = Two(match, 2);
        var yy = Two(match, 4);
        var year = yy < 69 ? 2000 + yy : 1900 + yy;
        if (!MatchDigits.IsDate(year, month, day))
        {
            return MatchVerdict.Refused;
        }

        var number = 0L;
        foreach (var i in (ReadOnlySpan<int>)[0, 1, 2, 3, 4, 5, 7, 8, 9])
        {
            number = (number * 10) + (match[i] - '0');
        }

        return CheckCharacters[(int)(number % 31)] == match[10] ? MatchVerdict.Passed : MatchVerdict.Refused;
    }

    private static int Two(ReadOnlySpan<char> s, int at) => ((s[at] - '0') * 10) + (s[at + 1] - '0');
}
