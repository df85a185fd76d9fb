namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// Presidio's Korean resident registration number recognizer: yymmdd, an optional '-', a sex/century digit
/// 1-4 and six digits; its pattern, score and context words (facts from
/// presidio_analyzer/predefined_recognizers/country_specific/korea). Numbers issued before October 2020 carry a
/// region code (00-95) and a check digit: such a number scores 1.0. Later numbers have neither, so a number that
/// fails the check keeps the pattern's 0.5, as in Presidio (it cannot be refused). A space is accepted where
/// Presidio takes only '-', so a line break or a run of blanks between the halves (normalized to one space) is found;
/// such a split number must pass the check.
/// </summary>
public static class KrPatternRecognizers
{
    public static PatternRecognizer Rrn { get; } = new("KrRrnRecognizer", "KR_RRN",
        [new("RRN (Medium)", @"(?<![0-9])[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[- ]?[1-4][0-9]{6}(?![0-9])", 0.5)],
        ["Korean RRN", "Korean Resident Registration Number", "Resident Registration Number", "RRN", "rrn", "rrn#"],
        Verify, 1.0);

    public static MatchVerdict Verify(ReadOnlySpan<char> match)
    {
        Span<int> d = stackalloc int[13];
        if (MatchDigits.Read(match, d) != 13)
        {
            return MatchVerdict.Refused;
        }

        ReadOnlySpan<int> weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += d[i] * weights[i];
        }

        var region = (d[7] * 10) + d[8];
        if (region <= 95 && (11 - (sum % 11)) % 10 == d[12])
        {
            return MatchVerdict.Passed;
        }

        // Split by a space (our addition to Presidio's pattern), an unchecked number is as often a date and a count.
        return match.Contains(' ') ? MatchVerdict.Refused : MatchVerdict.Unchecked;
    }
}
