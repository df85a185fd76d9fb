namespace Governance.Domain.Privacy.Checksums;

/// <summary>
/// ISO 7064 MOD 97-10 as IBANs use it (ISO 13616): the first four characters move to the end, letters
/// count as 10-35, and the whole number must be 1 mod 97. Computed digit by digit, so any length fits.
/// </summary>
public static class Mod97
{
    /// <summary>True when the letters and digits of <paramref name="iban"/> (case-insensitive) are 1 mod 97; other characters make it false.</summary>
    public static bool IsValidIban(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5)
        {
            return false;
        }

        var remainder = 0;
        return Accumulate(iban[4..], ref remainder) && Accumulate(iban[..4], ref remainder) && remainder == 1;
    }

    private static bool Accumulate(ReadOnlySpan<char> chars, ref int remainder)
    {
        foreach (var c in chars)
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetter(c))
            {
                remainder = ((remainder * 100) + (c | 0x20) - 'a' + 10) % 97;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
