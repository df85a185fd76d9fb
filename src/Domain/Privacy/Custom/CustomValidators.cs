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
        int sum = 0, count = 0;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            var c = value[i];
            if (char.IsAsciiLetter(c))
            {
                return false;
            }

            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var d = c - '0';
            if (count++ % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return count >= 2 && sum % 10 == 0;
    }

    // ISO 13616 / ISO 7064 MOD 97-10: the first four characters move to the end, letters count as
    // 10-35, and the resulting number is 1 mod 97.
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

        if (n < 5)
        {
            return false;
        }

        var remainder = 0;
        for (var k = 0; k < n; k++)
        {
            var c = chars[(k + 4) % n];
            var v = char.IsAsciiDigit(c) ? c - '0' : char.ToUpperInvariant(c) - 'A' + 10;
            remainder = v < 10 ? ((remainder * 10) + v) % 97 : ((remainder * 100) + v) % 97;
        }

        return remainder == 1;
    }
}
