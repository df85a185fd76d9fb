using Governance.Domain.Privacy.Checksums;

namespace Governance.Domain.Privacy.National;

/// <summary>IN_AADHAAR: twelve digits (4-4-4), first 2-9, Verhoeff check digit; palindromes are refused as UIDAI does.</summary>
public sealed class InAadhaarRecognizer() : DigitIdRecognizer("IN_AADHAAR", 12, ["aadhaar", "aadhar", "adhaar", "uidai", "uid", "unique identification"])
{
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
