namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// Presidio's Singapore NRIC/FIN recognizer: its patterns, scores and context words (facts from
/// presidio_analyzer/predefined_recognizers/country_specific/singapore). Presidio checks no check letter;
/// here the medium pattern (S, T, F, G prefixes) must carry the right one, so a random letter-digits-letter
/// code is no NRIC at our threshold. M-series numbers (from 2022) keep Presidio's unchecked match.
/// </summary>
public static class SgPatternRecognizers
{
    public static PatternRecognizer NricFin { get; } = new("SgFinRecognizer", "SG_NRIC_FIN",
        [
            new("Nric (weak)", @"\b[A-Z][0-9]{7}[A-Z]\b", 0.3),
            new("Nric (medium)", @"\b[STFGM][0-9]{7}[A-Z]\b", 0.5),
        ],
        ["fin", "fin#", "nric", "nric#"],
        IsValidNric);

    /// <summary>
    /// The weak pattern passes as it is; a medium match needs its check letter: weights 2 7 6 5 4 3 2 over the
    /// seven digits, 4 more for T and G, the remainder mod 11 indexes the series' letter table.
    /// </summary>
    public static bool IsValidNric(ReadOnlySpan<char> match)
    {
        var prefix = char.ToUpperInvariant(match[0]);
        if (match.Length != 9 || prefix is not ('S' or 'T' or 'F' or 'G'))
        {
            return true;
        }

        ReadOnlySpan<int> weights = [2, 7, 6, 5, 4, 3, 2];
        var sum = prefix is 'T' or 'G' ? 4 : 0;
        for (var i = 0; i < 7; i++)
        {
            sum += (match[i + 1] - '0') * weights[i];
        }

        var table = prefix is 'S' or 'T' ? "JZIHGFEDCBA" : "XWUTRQPNMLK";
        return char.ToUpperInvariant(match[8]) == table[sum % 11];
    }
}
