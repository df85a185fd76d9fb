using Governance.Domain.Privacy.Normalization;
using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Privacy.National;

/// <summary>
/// ES_NIE, the foreigner's id: X, Y or Z (standing for 0, 1, 2), seven digits and the same mod-23
/// control letter as the NIF, e.g. "X1234567L", "Y-1234567-X".
/// </summary>
public sealed class EsNieRecognizer : IPiiRecognizer
{
    private static readonly string[] Types = ["ES_NIE"];

    public string Name => nameof(EsNieRecognizer);

    public IReadOnlyList<string> EntityTypes => Types;

    public IReadOnlyList<string> ContextWords { get; } = ["nie", "número de identidad de extranjero", "numero de identidad de extranjero", "extranjero", "tie"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        for (var i = 0; i < s.Length; i++)
        {
            // The first digit sits 1 or 2 characters after the letter: jump to the next digit.
            i = Anchors.Skip(s, i, Anchors.Digits, 1, 2);
            if (i >= s.Length)
            {
                break;
            }

            var prefix = s[i] | 0x20;
            if (prefix is not ('x' or 'y' or 'z') || (i > 0 && DigitScanner.IsWordChar(s[i - 1])))
            {
                continue;
            }

            var end = Match(s, i, prefix - 'x');
            if (end > 0)
            {
                results.Add(new PiiCandidate("ES_NIE", i, end, 0.5, Name));
                i = end - 1;
            }
        }
    }

    private static int Match(ReadOnlySpan<char> s, int start, int prefixValue)
    {
        var p = start + 1;
        if (p < s.Length && s[p] is '-' or ' ' or '\u00A0')
        {
            p++;
        }

        var number = prefixValue;
        var digits = 0;
        while (p < s.Length && DigitScanner.IsDigit(s[p]) && digits < 8)
        {
            number = (number * 10) + (s[p] - '0');
            digits++;
            p++;
        }

        return digits == 7 ? EsNifRecognizer.MatchControlLetter(s, p, EsNifRecognizer.ControlLetters[number % 23]) : -1;
    }
}
