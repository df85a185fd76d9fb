namespace Governance.Domain.Privacy.Custom;

/// <summary>
/// The checksum validators a custom recognizer may name. Characters other than letters and digits
/// (spaces, dashes) are ignored, so a pattern may match formatted numbers.
/// </summary>
internal static class CustomValidators
{
    public const string Luhn = "luhn";
    public const string Mod97 = "mod97";

    public static bool IsKnown(string? validator) => validator is null or Luhn or Mod97;

    public static bool Validate(string? validator, ReadOnlySpan<char> value) => validator switch
    {
        Luhn => IsLuhn(value),
        Mod97 => IsMod97(value),
        _ => true,
    };

    private static bool IsLuhn(ReadOnlySpan<char> value)
    {
        Span<byte> digits = value.Length <= 128 ? stackalloc byte[value.Length] : new byte[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetter(c))
            {
                return false;
            }

            if (char.IsAsciiDigit(c))
            {
                digits[n++] = (byte)(c - '0');
            }
        }

        return Checksums.Luhn.IsValid(digits[..n]);
    }

    private static bool IsMod97(ReadOnlySpan<char> value)
    {
        Span<char> chars = stackalloc char[Math.Min(value.Length, 64)];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (n == chars.Length)
                {
                    return false;
                }

                chars[n++] = c;
            }
        }

        return Checksums.Mod97.IsValidIban(chars[..n]);
    }
}
