using Governance.Domain.Privacy.Checksums;
using Governance.Domain.Privacy.Patterns;

namespace Governance.Domain.Privacy.National;

/// <summary>IN_AADHAAR: twelve digits (4-4-4), first 2-9, Verhoeff check digit; palindromes are refused as UIDAI does.</summary>
public sealed class InAadhaarRecognizer() : DigitIdRecognizer("IN_AADHAAR", 12, Context)
{
    private static readonly string[] Context = ["aadhaar", "aadhar", "adhaar", "uidai", "uid", "unique identification"];

    /// <summary>
    /// "3123:4567:8909": Presidio's pattern takes ':' between the groups. Normalization leaves ':' alone (times,
    /// MAC and IPv6 addresses use it), so this form has its own pattern, with the same first-digit, palindrome
    /// and Verhoeff rules.
    /// </summary>
    public static PatternRecognizer ColonGrouped { get; } = new("InAadhaarRecognizer", "IN_AADHAAR",
        [new("Aadhaar (colon-grouped)", @"(?<![0-9:])[2-9][0-9]{3}:[0-9]{4}:[0-9]{4}(?![0-9:])", 0.5)],
        Context,
        match =>
        {
            Span<byte> d = stackalloc byte[12];
            var n = 0;
            foreach (var c in match)
            {
                if (char.IsAsciiDigit(c))
                {
                    d[n++] = (byte)(c - '0');
                }
            }

            return !IsPalindrome(d) && Verhoeff.IsValid(d);
        });

    protected override double Judge(ReadOnlySpan<char> text, ReadOnlySpan<Range> window, ReadOnlySpan<byte> digits, ref int end)
    {
        double score;
        if (HasShape(text, window, [4, 4, 4], out _))
        {
            score = 0.5;
        }
        else if (IsWhole(window))
        {
            score = 0.3;
        }
        else
        {
            return 0;
        }

        return digits[0] >= 2 && !IsPalindrome(digits) && Verhoeff.IsValid(digits) ? score : 0;
    }

    private static bool IsPalindrome(ReadOnlySpan<byte> d)
    {
        for (int i = 0, j = d.Length - 1; i < j; i++, j--)
        {
            if (d[i] != d[j])
            {
                return false;
            }
        }

        return true;
    }
}
