namespace Governance.Domain.Privacy.Recognizers;

/// <summary>Issuer identification ranges of the card brands in circulation, with the lengths each issues.</summary>
internal static class CardBrands
{
    /// <summary>True when the leading digits and the length belong to a known brand.</summary>
    public static bool IsKnown(ReadOnlySpan<byte> digits)
    {
        var n = digits.Length;
        var p2 = Prefix(digits, 2);
        var p3 = Prefix(digits, 3);
        var p4 = Prefix(digits, 4);
        return digits[0] switch
        {
            4 => n is 13 or 16 or 19,                                              // Visa
            2 => (p4 is >= 2221 and <= 2720 && n == 16)                            // Mastercard 2-series
                || (p4 is >= 2200 and <= 2204 && n is >= 16 and <= 19),            // Mir
            3 => (p2 is 34 or 37 && n == 15)                                       // American Express
                || (p4 is >= 3528 and <= 3589 && n is >= 16 and <= 19)             // JCB
                || ((p3 is >= 300 and <= 305 || p2 is 36 or 38 or 39 || p4 == 3095) && n is >= 14 and <= 19), // Diners
            5 => (p2 is >= 51 and <= 55 && n == 16)                                // Mastercard
                || (p2 is 50 or (>= 56 and <= 58) && n is >= 12 and <= 19),        // Maestro
            6 => (p4 == 6011 || p3 is >= 644 and <= 649 || p2 == 65) && n is >= 16 and <= 19 // Discover
                || (p2 == 62 && n is >= 16 and <= 19)                              // UnionPay
                || ((p2 == 67 || p3 == 639 || p2 == 60) && n is >= 12 and <= 19),  // Maestro, RuPay
            _ => false,
        };
    }

    private static int Prefix(ReadOnlySpan<byte> digits, int length)
    {
        var value = 0;
        for (var i = 0; i < length; i++)
        {
            value = (value * 10) + digits[i];
        }

        return value;
    }
}
