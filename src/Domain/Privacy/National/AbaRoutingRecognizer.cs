using Governance.Domain.Privacy.Checksums;

namespace Governance.Domain.Privacy.National;

/// <summary>
/// ABA_ROUTING_NUMBER: nine digits with the 3-7-1 checksum and a Federal Reserve prefix. One nine-digit
/// number in ten passes the checksum, so the base score is low and context must carry it.
/// </summary>
public sealed class AbaRoutingRecognizer() : DigitIdRecognizer("ABA_ROUTING_NUMBER", 9, ["aba", "routing", "routing number", "rtn", "abartn", "bank routing"])
{
    // Under the threshold alone, over it with a context word ("routing", "ABA"): 0.2 + 0.35 = 0.55.
    private const double BaseScore = 0.2;

    protected override double Judge(ReadOnlySpan<char> text, ReadOnlySpan<Range> window, ReadOnlySpan<byte> digits, ref int end)
    {
        if (!IsWhole(window) && !HasShape(text, window, [4, 4, 1], out _))
        {
            return 0;
        }

        // 00-12 Federal Reserve districts, 21-32 thrifts, 61-72 electronic, 80 traveler's checks.
        var prefix = (digits[0] * 10) + digits[1];
        var validPrefix = prefix is <= 12 or (>= 21 and <= 32) or (>= 61 and <= 72) or 80;
        return validPrefix && !DigitRuns.AllSame(digits) && WeightedMod.IsValidAba(digits) ? BaseScore : 0;
    }
}
