using Governance.Domain.Privacy.Checksums;
using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// IBAN_CODE: country code, two check digits and the BBAN, of exactly the country's length, compact or in
/// groups of four separated by single spaces (or dashes), in any letter case, and 1 mod 97.
/// </summary>
public sealed class IbanRecognizer : IPiiRecognizer
{
    public const string EntityType = "IBAN_CODE";
    private const int MaxLength = 34;

    public string Name => nameof(IbanRecognizer);

    public IReadOnlyList<string> EntityTypes { get; } = [EntityType];

    public IReadOnlyList<string> ContextWords { get; } = ["iban", "bank", "account", "transfer", "sepa", "bic", "swift"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        Span<char> iban = stackalloc char[MaxLength];
        for (var i = 0; (i = Anchors.Skip(s, i, Anchors.Digits, 2, 2)) + 4 < s.Length; i++)
        {
            if (!char.IsAsciiLetter(s[i]) || !char.IsAsciiLetter(s[i + 1]) || !char.IsAsciiDigit(s[i + 2])
                || !char.IsAsciiDigit(s[i + 3]) || (i > 0 && DigitScanner.IsWordChar(s[i - 1])))
            {
                continue;
            }

            var length = IbanLengths.For(char.ToUpperInvariant(s[i]), char.ToUpperInvariant(s[i + 1]));
            var end = length == 0 ? -1 : Read(s, i, iban[..length]);
            if (end > 0 && Mod97.IsValidIban(iban[..length]))
            {
                results.Add(new PiiCandidate(EntityType, i, end, 1.0, Name));
                i = end - 1;
            }
        }
    }

    /// <summary>Reads exactly iban.Length letters and digits from start; returns the end, or -1 when the shape is wrong.</summary>
    private static int Read(ReadOnlySpan<char> s, int start, Span<char> iban)
    {
        var n = 0;
        var i = start;
        while (n < iban.Length)
        {
            if (i >= s.Length)
            {
                return -1;
            }

            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                iban[n++] = c;
                i++;
            }
            else if (n % 4 == 0 && c is ' ' or '-' or '\u00A0' && i + 1 < s.Length && char.IsAsciiLetterOrDigit(s[i + 1]))
            {
                i++;
            }
            else
            {
                return -1;
            }
        }

        return i < s.Length && DigitScanner.IsWordChar(s[i]) ? -1 : i;
    }
}
