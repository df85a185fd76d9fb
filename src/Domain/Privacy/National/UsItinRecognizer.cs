namespace Governance.Domain.Privacy.National;

/// <summary>
/// US_ITIN: 9XX-GG-XXXX where the group is in 50-65, 70-88, 90-92 or 94-99 (IRS ranges); Presidio's
/// 5-4 and 3-6 hyphenated forms are a very weak hint (0.05).
/// </summary>
public sealed class UsItinRecognizer() : DigitIdRecognizer("US_ITIN", 9, ["itin", "individual taxpayer", "taxpayer identification", "tax id"])
{
    protected override double Judge(ReadOnlySpan<char> text, ReadOnlySpan<Range> window, ReadOnlySpan<byte> digits, ref int end)
    {
        double score;
        if (HasShape(text, window, [3, 2, 4], out _))
        {
            score = 0.5;
        }
        else if (IsWhole(window))
        {
            score = 0.3;
        }
        else if (UsSsnRecognizer.IsVeryWeakShape(text, window))
        {
            score = 0.05;
        }
        else
        {
            return 0;
        }

        var group = (digits[3] * 10) + digits[4];
        var validGroup = group is (>= 50 and <= 65) or (>= 70 and <= 88) or (>= 90 and <= 92) or >= 94;
        return digits[0] == 9 && validGroup ? score : 0;
    }
}
