namespace Governance.Domain.Privacy.Checksums;

/// <summary>
/// Verhoeff's dihedral-group checksum (used by India's Aadhaar): catches every single-digit error and
/// every adjacent transposition, which mod-10 weighted sums cannot.
/// </summary>
public static class Verhoeff
{
    // Multiplication table of the dihedral group D5.
    private static ReadOnlySpan<byte> D =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        1, 2, 3, 4, 0, 6, 7, 8, 9, 5,
        2, 3, 4, 0, 1, 7, 8, 9, 5, 6,
        3, 4, 0, 1, 2, 8, 9, 5, 6, 7,
        4, 0, 1, 2, 3, 9, 5, 6, 7, 8,
        5, 9, 8, 7, 6, 0, 4, 3, 2, 1,
        6, 5, 9, 8, 7, 1, 0, 4, 3, 2,
        7, 6, 5, 9, 8, 2, 1, 0, 4, 3,
        8, 7, 6, 5, 9, 3, 2, 1, 0, 4,
        9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
    ];

    // Position-dependent permutation; it repeats with period 8.
    private static ReadOnlySpan<byte> P =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        1, 5, 7, 6, 2, 8, 3, 0, 9, 4,
        5, 8, 0, 3, 7, 9, 6, 1, 4, 2,
        8, 9, 1, 6, 0, 4, 3, 5, 2, 7,
        9, 4, 5, 3, 1, 2, 6, 8, 7, 0,
        4, 2, 8, 6, 5, 7, 3, 9, 0, 1,
        2, 7, 9, 3, 8, 0, 6, 4, 1, 5,
        7, 0, 4, 6, 9, 1, 3, 2, 5, 8,
    ];

    private static ReadOnlySpan<byte> Inverse => [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

    /// <summary>True when <paramref name="digits"/> (values 0-9, check digit last) carries a valid check digit.</summary>
    public static bool IsValid(ReadOnlySpan<byte> digits) => digits.Length > 1 && Fold(digits, 0) == 0;

    /// <summary>The check digit to append to <paramref name="payload"/> (values 0-9).</summary>
    public static byte ComputeCheckDigit(ReadOnlySpan<byte> payload) => Inverse[Fold(payload, 1)];

    private static int Fold(ReadOnlySpan<byte> digits, int firstPosition)
    {
        var c = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i];
            c = D[(c * 10) + P[(((i + firstPosition) % 8) * 10) + digit]];
        }

        return c;
    }
}
