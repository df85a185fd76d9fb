namespace Governance.Domain.Privacy.Patterns;

/// <summary>The digits of a pattern match, its separators skipped, for check-digit rules.</summary>
internal static class MatchDigits
{
    /// <summary>How many digits the match holds (written to <paramref name="digits"/>); -1 when more than fit.</summary>
    public static int Read(ReadOnlySpan<char> match, Span<int> digits)
    {
        var n = 0;
        foreach (var c in match)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (n == digits.Length)
            {
                return -1;
            }

            digits[n++] = c - '0';
        }

        return n;
    }

    /// <summary>Whether two digits read as a day and month (and two more as a year) make a calendar date.</summary>
    public static bool IsDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
