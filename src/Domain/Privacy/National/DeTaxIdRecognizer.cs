using Governance.Domain.Privacy.Checksums;

namespace Governance.Domain.Privacy.National;

/// <summary>
/// DE_TAX_ID, the Steuerliche Identifikationsnummer: eleven digits, no leading zero, ISO 7064
/// MOD 11,10 check digit, and in the first ten digits exactly one digit repeated twice or three times
/// (never three in a row), the rest at most once.
/// </summary>
public sealed class DeTaxIdRecognizer() : DigitIdRecognizer("DE_TAX_ID", 11, ["steuer-id", "steuerid", "steueridentifikationsnummer", "identifikationsnummer", "idnr", "steuer-idnr", "steuernummer", "tin", "tax id"])
{
    protected override double Judge(ReadOnlySpan<char> text, ReadOnlySpan<Range> window, ReadOnlySpan<byte> digits, ref int end)
    {
        double score;
        if (IsWhole(window))
        {
            score = 0.3;
        }
        else if (HasShape(text, window, [2, 3, 3, 3], out _))
        {
            score = 0.4;
        }
        else
        {
            return 0;
        }

        return IsValid(digits) ? score : 0;
    }

    /// <summary>True when eleven digits satisfy the leading-digit, repetition and check-digit rules.</summary>
    public static bool IsValid(ReadOnlySpan<byte> digits) =>
        digits.Length == 11 && digits[0] != 0 && HasValidRepetition(digits[..10]) && Iso7064Mod11x10.IsValid(digits);

    private static bool HasValidRepetition(ReadOnlySpan<byte> first10)
    {
        Span<int> counts = stackalloc int[10];
        foreach (var d in first10)
        {
            counts[d]++;
        }

        var repeated = -1;
        for (var d = 0; d < 10; d++)
        {
            if (counts[d] > 3 || (counts[d] > 1 && repeated >= 0))
            {
                return false;
            }

            if (counts[d] > 1)
            {
                repeated = d;
            }
        }

        if (repeated < 0)
        {
            return false;
        }

        for (var i = 2; i < first10.Length; i++)
        {
            if (first10[i] == repeated && first10[i - 1] == repeated && first10[i - 2] == repeated)
            {
                return false;
            }
        }

        return true;
    }
}
