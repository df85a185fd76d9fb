namespace Governance.Domain.Privacy.Normalization;

/// <summary>
/// A second reading of a text in which letters that look like digits are read as digits where they sit
/// inside a number ("4l11 1lll 1111 1111", "3O8 S6l 7Ol7"): O o → 0, l I | → 1, Z → 2, S → 5, G → 6,
/// B → 8. A look-alike is read as a digit when a chain of look-alikes links it to a digit in the same
/// token, or when its whole token is look-alikes next (across one separator) to a token holding a digit;
/// two capitals before two digits at a token's start are an IBAN's country code and stay letters.
/// The reading has the same length as the text, so offsets carry over unchanged. Only recognizers whose
/// values carry a checksum read it (<see cref="PiiAnalyzer"/>): one letter read as a digit by chance
/// rarely makes a valid check digit, so precision holds where plain digit rules could not keep it.
/// </summary>
internal static class LookAlikeDigits
{
    public static char DigitOf(char c) => c switch
    {
        'O' or 'o' => '0',
        'l' or 'I' or '|' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        _ => '\0',
    };

    /// <summary>The reading of <paramref name="text"/>, or null when no look-alike sits next to a digit.</summary>
    public static string? Read(string text)
    {
        var s = text.AsSpan();
        if (!AnyNextToDigit(s))
        {
            return null;
        }

        var chars = text.ToCharArray();
        var i = 0;
        while (i < s.Length)
        {
            if (!IsTokenChar(s[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && IsTokenChar(s[i]))
            {
                i++;
            }

            FoldToken(s, start, i, chars);
        }

        return new string(chars);
    }

    private static void FoldToken(ReadOnlySpan<char> s, int start, int end, char[] chars)
    {
        var token = s[start..end];
        if (token.IndexOfAnyInRange('0', '9') < 0)
        {
            if (AllLookAlikes(token) && (HasDigitBefore(s, start) || HasDigitAfter(s, end)))
            {
                for (var k = start; k < end; k++)
                {
                    chars[k] = DigitOf(s[k]);
                }
            }

            return;
        }

        // Two capitals and two digits open an IBAN ("GB82", "IS14"): the country code stays letters.
        var k2 = token.Length >= 4 && char.IsAsciiLetterUpper(token[0]) && char.IsAsciiLetterUpper(token[1])
            && char.IsAsciiDigit(token[2]) && char.IsAsciiDigit(token[3]) ? start + 2 : start;
        while (k2 < end)
        {
            if (DigitOf(s[k2]) == '\0')
            {
                k2++;
                continue;
            }

            var runStart = k2;
            while (k2 < end && DigitOf(s[k2]) != '\0')
            {
                k2++;
            }

            var touchesDigit = (runStart > start && char.IsAsciiDigit(s[runStart - 1])) || (k2 < end && char.IsAsciiDigit(s[k2]));
            if (touchesDigit)
            {
                for (var k = runStart; k < k2; k++)
                {
                    chars[k] = DigitOf(s[k]);
                }
            }
        }
    }

    private static bool AnyNextToDigit(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var p = s[i..].IndexOfAnyInRange('0', '9');
            if (p < 0)
            {
                return false;
            }

            i += p;
            if (IsLookAlikeAt(s, i - 1) || IsLookAlikeAt(s, i + 1)
                || (i >= 2 && DigitScanner.IsSeparator(s[i - 1]) && IsLookAlikeAt(s, i - 2))
                || (i + 2 < s.Length && DigitScanner.IsSeparator(s[i + 1]) && IsLookAlikeAt(s, i + 2)))
            {
                return true;
            }

            i++;
        }

        return false;
    }

    private static bool IsLookAlikeAt(ReadOnlySpan<char> s, int i) => i >= 0 && i < s.Length && DigitOf(s[i]) != '\0';

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '|';

    private static bool AllLookAlikes(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (DigitOf(c) == '\0')
            {
                return false;
            }
        }

        return true;
    }

    // The token across one separator before start holds a digit.
    private static bool HasDigitBefore(ReadOnlySpan<char> s, int start)
    {
        if (start < 2 || !DigitScanner.IsSeparator(s[start - 1]))
        {
            return false;
        }

        for (var k = start - 2; k >= 0 && IsTokenChar(s[k]); k--)
        {
            if (char.IsAsciiDigit(s[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDigitAfter(ReadOnlySpan<char> s, int end)
    {
        if (end + 1 >= s.Length || !DigitScanner.IsSeparator(s[end]))
        {
            return false;
        }

        for (var k = end + 1; k < s.Length && IsTokenChar(s[k]); k++)
        {
            if (char.IsAsciiDigit(s[k]))
            {
                return true;
            }
        }

        return false;
    }
}
