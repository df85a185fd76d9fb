using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// DATE_TIME: ISO 8601 dates (with an optional time), dd/mm/yyyy and mm/dd/yyyy (also with '.' or '-'),
/// "12 March 2024" and "March 12, 2024", all with real day and month ranges. Dates are everywhere, so the
/// base score is under the threshold: a context word (born, dob, date of birth...) is needed.
/// </summary>
public sealed class DateTimeRecognizer : IPiiRecognizer
{
    public const string EntityType = "DATE_TIME";
    private const double Score = 0.4;

    // Every date holds a digit this close to its start: the farthest is "September 1".
    private const int MaxDigitOffset = 11;

    public string Name => nameof(DateTimeRecognizer);

    public IReadOnlyList<string> EntityTypes { get; } = [EntityType];

    public IReadOnlyList<string> ContextWords { get; } =
        ["born", "birth", "dob", "d.o.b", "birthday", "date", "dated", "died", "deceased", "admitted", "discharged", "expiry", "expires", "appointment"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        var i = 0;
        while ((i = Anchors.Skip(s, i, Anchors.Digits, 0, MaxDigitOffset)) < s.Length)
        {
            if (!char.IsAsciiLetterOrDigit(s[i]) || (i > 0 && (DigitScanner.IsWordChar(s[i - 1]) || IsNumberJoint(s, i - 1))))
            {
                i++;
                continue;
            }

            var end = char.IsAsciiDigit(s[i]) ? Numeric(s, i) : Named(s, i);
            if (end > 0 && (end == s.Length || !(DigitScanner.IsWordChar(s[end]) || IsNumberJoint(s, end))))
            {
                results.Add(new PiiCandidate(EntityType, i, end, Score, Name));
                i = end;
                continue;
            }

            while (i < s.Length && DigitScanner.IsWordChar(s[i]))
            {
                i++;
            }
        }
    }

    // A '.', '-' or '/' between digits joins a longer number ("1.12/03/2024" is not a date).
    private static bool IsNumberJoint(ReadOnlySpan<char> s, int i) =>
        s[i] is '.' or '-' or '/' or ':' && i > 0 && i + 1 < s.Length && char.IsAsciiDigit(s[i - 1]) && char.IsAsciiDigit(s[i + 1]);

    private static int Numeric(ReadOnlySpan<char> s, int i)
    {
        var end = DateParts.Number(s, i, 1, 4, out var first);
        if (end < 0 || end >= s.Length)
        {
            return -1;
        }

        var separator = s[end];
        if (end - i == 4 && separator is '-' or '/')
        {
            var monthEnd = DateParts.Number(s, end + 1, 2, 2, out var month);
            if (monthEnd < 0 || monthEnd >= s.Length || s[monthEnd] != separator)
            {
                return -1;
            }

            var dayEnd = DateParts.Number(s, monthEnd + 1, 2, 2, out var day);
            if (dayEnd < 0 || !DateParts.IsValid(first, month, day))
            {
                return -1;
            }

            var time = DateParts.Time(s, dayEnd);
            return time > 0 ? time : dayEnd;
        }

        if (end - i > 2)
        {
            return -1;
        }

        if (separator is '/' or '.' or '-')
        {
            var secondEnd = DateParts.Number(s, end + 1, 1, 2, out var second);
            if (secondEnd < 0 || secondEnd >= s.Length || s[secondEnd] != separator)
            {
                return -1;
            }

            var yearEnd = DateParts.Number(s, secondEnd + 1, 4, 4, out var year);
            return yearEnd > 0 && (DateParts.IsValid(year, second, first) || DateParts.IsValid(year, first, second)) ? yearEnd : -1;
        }

        // "12 March 2024", "1st Jan 2024"
        int named = 0, namedYear = 0;
        var at = DateParts.Space(s, DateParts.Ordinal(s, end), allowComma: false);
        var afterMonth = at < 0 ? -1 : DateParts.MonthName(s, at, out named);
        at = afterMonth < 0 ? -1 : DateParts.Space(s, afterMonth, allowComma: true);
        var last = at < 0 ? -1 : DateParts.Number(s, at, 4, 4, out namedYear);
        return last > 0 && DateParts.IsValid(namedYear, named, first) ? last : -1;
    }

    // "March 12, 2024", "Mar. 1st 2024"
    private static int Named(ReadOnlySpan<char> s, int i)
    {
        int day = 0, year = 0;
        var at = DateParts.MonthName(s, i, out var month);
        at = at < 0 ? -1 : DateParts.Space(s, at, allowComma: false);
        var dayEnd = at < 0 ? -1 : DateParts.Number(s, at, 1, 2, out day);
        at = dayEnd < 0 ? -1 : DateParts.Space(s, DateParts.Ordinal(s, dayEnd), allowComma: true);
        var end = at < 0 ? -1 : DateParts.Number(s, at, 4, 4, out year);
        return end > 0 && DateParts.IsValid(year, month, day) ? end : -1;
    }
}
