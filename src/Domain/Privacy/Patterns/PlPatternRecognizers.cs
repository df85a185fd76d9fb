namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// Presidio's Polish PESEL recognizer: its pattern (a birth date encoded with the century in the month),
/// score and context word, and its check digit (weights 1 3 7 9 repeated; facts from
/// presidio_analyzer/predefined_recognizers/country_specific/poland). Differences (ADR-033): the pattern is
/// bounded by non-digits, where Presidio's matches inside any longer run of digits; and a passing check scores
/// 0.4, not 1.0, as one date-shaped 11-digit number in ten passes it.
/// </summary>
public static class PlPatternRecognizers
{
    public const double PeselVerified = 0.4;

    public static PatternRecognizer Pesel { get; } = new("PlPeselRecognizer", "PL_PESEL",
        [new("PESEL", @"(?<![0-9])[0-9]{2}(?:[02468][1-9]|[13579][012])(?:0[1-9]|1[0-9]|2[0-9]|3[01])[0-9]{5}(?![0-9])", 0.4)],
        ["PESEL"],
        VerifyPesel, PeselVerified);

    public static MatchVerdict VerifyPesel(ReadOnlySpan<char> match)
    {
        Span<int> d = stackalloc int[11];
        if (match.Length != 11 || MatchDigits.Read(match, d) != 11)
        {
            return MatchVerdict.Refused;
        }

        ReadOnlySpan<int> weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += d[i] * weights[i];
        }

        return (10 - (sum % 10)) % 10 == d[10] ? MatchVerdict.Passed : MatchVerdict.Refused;
    }
}
