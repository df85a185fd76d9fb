using System.Buffers;
using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.National;

/// <summary>
/// IT_FISCAL_CODE (codice fiscale): six letters, birth year, month letter, day (+40 for women),
/// municipality letter and three digits, control letter. Digits may be written as L-V letters
/// (omocodia, used when two people would otherwise share a code). Any case.
/// </summary>
public sealed class ItFiscalCodeRecognizer : IPiiRecognizer
{
    private const int Length = 16;
    private const string MonthLetters = "ABCDEHLMPRST";
    private const string OmocodiaLetters = "LMNPQRSTUV";
    private static readonly string[] Types = ["IT_FISCAL_CODE"];
    private static readonly SearchValues<char> AsciiWordChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    // Values of characters in odd (1st, 3rd, ...) positions, for 0-9 and for A-Z.
    private static ReadOnlySpan<byte> OddDigits => [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];

    private static ReadOnlySpan<byte> OddLetters => [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    public string Name => nameof(ItFiscalCodeRecognizer);

    public IReadOnlyList<string> EntityTypes => Types;

    public IReadOnlyList<string> ContextWords { get; } = ["codice fiscale", "cf", "fiscal code", "tax code", "codice"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        // Horspool-like: a code needs 16 word characters in a row, so the last non-word character
        // among the next 16 (one vectorized search) tells how far to jump; prose is crossed in strides.
        var i = 0;
        while (i + Length <= s.Length)
        {
            var gap = s.Slice(i, Length).LastIndexOfAnyExcept(AsciiWordChars);
            if (gap >= 0)
            {
                i += gap + 1;
                continue;
            }

            var end = i + Length;
            var alone = (i == 0 || !DigitScanner.IsWordChar(s[i - 1])) && (end == s.Length || !DigitScanner.IsWordChar(s[end]));
            if (alone && IsValid(s[i..end]))
            {
                results.Add(new PiiCandidate("IT_FISCAL_CODE", i, end, 0.7, Name));
            }

            // Past the rest of this word: no code starts inside it.
            var rest = s[end..].IndexOfAnyExcept(AsciiWordChars);
            i = rest < 0 ? s.Length : end + rest + 1;
        }
    }

    /// <summary>True when sixteen characters form a well-shaped code with the right control letter.</summary>
    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length != Length)
        {
            return false;
        }

        Span<char> c = stackalloc char[Length];
        code.ToUpperInvariant(c);
        for (var k = 0; k < Length; k++)
        {
            var isLetterSlot = k is < 6 or 8 or 11 or 15;
            if (isLetterSlot ? !char.IsAsciiLetterUpper(c[k]) : !DigitScanner.IsDigit(c[k]) && !OmocodiaLetters.Contains(c[k]))
            {
                return false;
            }
        }

        var day = (Digit(c[9]) * 10) + Digit(c[10]);
        if (!MonthLetters.Contains(c[8]) || day is < 1 or (> 31 and < 41) or > 71)
        {
            return false;
        }

        var sum = 0;
        for (var k = 0; k < Length - 1; k++)
        {
            var ch = c[k];
            var isDigit = DigitScanner.IsDigit(ch);
            sum += k % 2 == 0
                ? (isDigit ? OddDigits[ch - '0'] : OddLetters[ch - 'A'])
                : (isDigit ? ch - '0' : ch - 'A');
        }

        return c[15] == (char)('A' + (sum % 26));
    }

    private static int Digit(char c) => DigitScanner.IsDigit(c) ? c - '0' : OmocodiaLetters.IndexOf(c, StringComparison.Ordinal);
}
