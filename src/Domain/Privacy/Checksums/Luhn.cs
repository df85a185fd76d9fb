namespace Governance.Domain.Privacy.Checksums;

/// <summary>The Luhn mod-10 check (ISO/IEC 7812-1) over digit values 0-9; the last digit is the check digit.</summary>
public static class Luhn
{
    public static bool IsValid(ReadOnlySpan<byte> digits) => digits.Length >= 2 && Sum(digits, doubleLast: false) % 10 == 0;

    /// <summary>The check digit that makes <paramref name="payload"/> followed by it valid.</summary>
    public static byte CheckDigit(ReadOnlySpan<byte> payload) => (byte)((10 - (Sum(payload, doubleLast: true) % 10)) % 10);

    private static int Sum(ReadOnlySpan<byte> digits, bool doubleLast)
    {
        var sum = 0;
        var doubled = doubleLast;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i];
            sum += doubled ? (d < 5 ? d * 2 : (d * 2) - 9) : d;
            doubled = !doubled;
        }

        return sum;
    }
}
