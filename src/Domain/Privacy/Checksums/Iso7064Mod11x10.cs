namespace Governance.Domain.Privacy.Checksums;

/// <summary>
/// ISO/IEC 7064 MOD 11,10, the hybrid system behind the German Steuer-IdNr: one decimal check digit
/// that still catches all single-digit errors.
/// </summary>
public static class Iso7064Mod11x10
{
    /// <summary>The check digit to append to <paramref name="payload"/> (values 0-9).</summary>
    public static byte ComputeCheckDigit(ReadOnlySpan<byte> payload)
    {
        var product = 10;
        foreach (var digit in payload)
        {
            var sum = (digit + product) % 10;
            if (sum == 0)
            {
                sum = 10;
            }

            product = sum * 2 % 11;
        }

        var check = 11 - product;
        return (byte)(check == 10 ? 0 : check);
    }

    /// <summary>True when the last of <paramref name="digits"/> is the check digit of the others.</summary>
    public static bool IsValid(ReadOnlySpan<byte> digits) =>
        digits.Length > 1 && ComputeCheckDigit(digits[..^1]) == digits[^1];
}
