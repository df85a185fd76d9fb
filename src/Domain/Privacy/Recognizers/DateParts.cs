namespace Governance.Domain.Privacy.Recognizers;

/// <summary>Small readers for the pieces of a written date; each returns the position after what it read, or -1.</summary>
internal static class DateParts
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static bool IsValid(int year, int month, int day) =>
        year is >= 1800 and <= 2199 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>Reads between <paramref name="min"/> and <paramref name="max"/> ASCII digits.</summary>
    public static int Number(ReadOnlySpan<char> s, int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i]))
        {
            value = (value * 10) + s[i] - '0';
            i++;
        }

        var length = i - start;
        return length >= min && (i >= s.Length || !char.IsAsciiDigit(s[i])) ? i : -1;
    }

    /// <summary>Reads a month name, full or abbreviated to three letters (or "Sept"), with an optional dot.</summary>
    public static int MonthName(ReadOnlySpan<char> s, int i, out int month)
    {
        month = 0;
        var end = i;
        while (end < s.Length && char.IsAsciiLetter(s[end]))
        {
            end++;
        }

        var word = s[i..end];
        for (var m = 0; m < Months.Length; m++)
        {
            var name = Months[m];
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase)
                || (word.Length == 3 && name.AsSpan(0, 3).Equals(word, StringComparison.OrdinalIgnoreCase))
                || (m == 8 && word.Equals("sept", StringComparison.OrdinalIgnoreCase)))
            {
                month = m + 1;
                return end < s.Length && s[end] == '.' && word.Length < name.Length ? end + 1 : end;
            }
        }

        return -1;
    }

    /// <summary>Skips an ordinal suffix ("1st", "22nd", "3rd", "4th").</summary>
    public static int Ordinal(ReadOnlySpan<char> s, int i)
    {
        var rest = s[i..];
        return rest.StartsWith("st", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("nd", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("rd", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("th", StringComparison.OrdinalIgnoreCase)
            ? i + 2
            : i;
    }

    /// <summary>Skips one space, optionally after a comma.</summary>
    public static int Space(ReadOnlySpan<char> s, int i, bool allowComma)
    {
        if (allowComma && i < s.Length && s[i] == ',')
        {
            i++;
        }

        return i < s.Length && s[i] == ' ' ? i + 1 : -1;
    }

    /// <summary>Reads an ISO 8601 time after a date: "T" or a space, hh:mm, optional :ss, fraction and zone.</summary>
    public static int Time(ReadOnlySpan<char> s, int i)
    {
        if (i + 5 >= s.Length || s[i] is not ('T' or 't' or ' '))
        {
            return -1;
        }

        var end = Number(s, i + 1, 2, 2, out var hour);
        if (end < 0 || hour > 23 || s[end] != ':' || (end = Number(s, end + 1, 2, 2, out var minute)) < 0 || minute > 59)
        {
            return -1;
        }

        if (end + 2 < s.Length && s[end] == ':' && Number(s, end + 1, 2, 2, out var second) is var afterSeconds and > 0 && second <= 60)
        {
            end = afterSeconds;
            if (end + 1 < s.Length && s[end] is '.' or ',' && char.IsAsciiDigit(s[end + 1]))
            {
                end = Number(s, end + 1, 1, 9, out _);
            }
        }

        if (end > 0 && end < s.Length && s[end] is 'Z' or 'z')
        {
            return end + 1;
        }

        if (end > 0 && end + 5 < s.Length && s[end] is '+' or '-' && Number(s, end + 1, 2, 2, out _) is var h and > 0
            && s[h] == ':' && Number(s, h + 1, 2, 2, out _) is var zone and > 0)
        {
            return zone;
        }

        return end;
    }
}
