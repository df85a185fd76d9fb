namespace Governance.Domain.Privacy.Checksums;

/// <summary>
/// The weighted-sum checks of ABA routing numbers (3-7-1, mod 10) and UK NHS numbers (10..2, mod 11).
/// </summary>
public static class WeightedMod
{
    /// <summary>ABA routing number: the 3-7-1 weighted sum of all nine digits is a multiple of 10.</summary>
    public static bool IsValidAba(ReadOnlySpan<byte> digits)
    {
        if (digits.Length != 9)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (i % 3) switch { 0 => 3, 1 => 7, _ => 1 };
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// NHS check digit of nine digits weighted 10 down to 2: 11 - (sum mod 11), where 11 means 0 and
    /// 10 means the number was never issued (returns -1).
    /// </summary>
    public static int NhsCheckDigit(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 9)
        {
            return -1;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += payload[i] * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch { 11 => 0, 10 => -1, _ => check };
    }

    /// <summary>True when ten digits form a valid NHS number.</summary>
    public static bool IsValidNhs(ReadOnlySpan<byte> digits) =>
        digits.Length == 10 && NhsCheckDigit(digits[..9]) == digits[9];
}
