using Governance.Domain.Privacy.Checksums;

namespace Governance.Domain.Privacy.National;

/// <summary>UK_NHS: ten digits (often 3-3-4) whose last is the mod-11 check digit.</summary>
public sealed class UkNhsRecognizer() : DigitIdRecognizer("UK_NHS", 10, ["nhs", "national health service", "nhs number", "health number", "patient"])
{
    protected override double Judge(ReadOnlySpan<char> text, ReadOnlySpan<Range> window, ReadOnlySpan<byte> digits, ref int end)
    {
        if (!IsWhole(window) && !HasShape(text, window, [3, 3, 4], out _))
        {
            return 0;
        }

        // One ten-digit number in eleven passes mod 11, and 3-3-4 is also the US phone shape: under the
        // threshold alone, over it with a context word ("NHS", "patient").
        return !DigitRuns.AllSame(digits) && WeightedMod.IsValidNhs(digits) ? 0.4 : 0;
    }
}
