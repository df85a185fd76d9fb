namespace Governance.Domain.Privacy.National;

/// <summary>
/// US_SSN: AAA-GG-SSSS. The SSA never issues area 000, 666 or 900-999, group 00 or serial 0000, nor
/// the numbers it has burned by publishing them; a bare nine-digit run, or Presidio's 5-4 and 3-6
/// hyphenated forms, is only a weak hint.
/// </summary>
public sealed class UsSsnRecognizer() : DigitIdRecognizer("US_SSN", 9, ["ssn", "ssns", "social security", "social security number", "ssid"])
{
    protected override double Judge(ReadOnlySpan<char> text, ReadOnlySpan<Range> window, ReadOnlySpan<byte> digits, ref int end)
    {
        double score;
        if (HasShape(text, window, [3, 2, 4], out var separator))
        {
            score = separator == '-' ? 0.5 : 0.4;
        }
        else if (IsWhole(window) || IsVeryWeakShape(text, window))
        {
            score = 0.05;
        }
        else
        {
            return 0;
        }

        return IsIssuable(digits) ? score : 0;
    }

    /// <summary>Presidio's very weak SSN1 and SSN2 forms: 5-4 and 3-6 digits joined by a hyphen.</summary>
    internal static bool IsVeryWeakShape(ReadOnlySpan<char> text, ReadOnlySpan<Range> window) =>
        (HasShape(text, window, [5, 4], out var a) && a == '-') || (HasShape(text, window, [3, 6], out var b) && b == '-');

    /// <summary>True when nine digits are not in a range or list the SSA never assigns.</summary>
    public static bool IsIssuable(ReadOnlySpan<byte> d)
    {
        var area = (d[0] * 100) + (d[1] * 10) + d[2];
        var group = (d[3] * 10) + d[4];
        var serial = (d[5] * 1000) + (d[6] * 100) + (d[7] * 10) + d[8];
        if (area is 0 or 666 or >= 900 || group == 0 || serial == 0 || DigitRuns.AllSame(d))
        {
            return false;
        }

        // Woolworth's wallet card (078-05-1120), the SSA's own advertisement (219-09-9999) and the
        // textbook example 123-45-6789, all declared void by the SSA.
        return !(area == 78 && group == 5 && serial == 1120)
            && !(area == 219 && group == 9 && serial == 9999)
            && !(area == 123 && group == 45 && serial == 6789);
    }
}
