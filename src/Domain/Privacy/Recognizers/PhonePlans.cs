namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// Numbering-plan checks for the countries we validate (NANP, UK, DE, FR, IN); other country codes are
/// only length-checked (E.164: at most 15 digits).
/// </summary>
internal static class PhonePlans
{
    public const double Validated = 0.75;
    public const double OtherCountry = 0.55;
    public const double NationalFormatted = 0.6;
    public const double NationalBare = 0.4;

    /// <summary>The score of digits written after '+' or "00": country code first.</summary>
    public static double International(ReadOnlySpan<byte> d)
    {
        if (d.Length is < 8 or > 15 || d[0] == 0)
        {
            return 0;
        }

        var cc = (d[0] * 10) + d[1];
        return d[0] == 1 ? (Nanp(d[1..]) ? Validated : 0)
            : cc == 44 ? (Uk(d[2..]) ? Validated : 0)
            : cc == 49 ? (De(d[2..]) ? Validated : 0)
            : cc == 33 ? (Fr(d[2..]) ? Validated : 0)
            : cc == 91 ? (In(d[2..]) ? Validated : 0)
            : OtherCountry;
    }

    /// <summary>The score of digits written without a country code.</summary>
    public static double National(ReadOnlySpan<byte> d, bool formatted)
    {
        var valid = Nanp(d)
            || (d.Length == 11 && d[0] == 1 && Nanp(d[1..]))
            || (d.Length > 1 && d[0] == 0 && (Uk(d[1..]) || De(d[1..]) || Fr(d[1..]) || In(d[1..])))
            || In(d);
        return valid ? (formatted ? NationalFormatted : NationalBare) : 0;
    }

    // NXX-NXX-XXXX: area code and exchange start with 2-9 and are not N11; area codes N9X are reserved.
    private static bool Nanp(ReadOnlySpan<byte> d) =>
        d.Length == 10 && d[0] >= 2 && !(d[1] == 1 && d[2] == 1) && d[1] != 9 && d[3] >= 2 && !(d[4] == 1 && d[5] == 1);

    // National significant number after the trunk 0: geographic 01/02, non-geographic 03, mobile 07, 08 freephone.
    private static bool Uk(ReadOnlySpan<byte> nsn) =>
        nsn.Length > 0 && (nsn.Length == 10 && nsn[0] is 1 or 2 or 3 or 7 or 8 || nsn.Length == 9 && nsn[0] is 1 or 8);

    // German numbers are 7-11 digits after the 0 (Berlin 030 901820: area 30, subscriber 901820).
    private static bool De(ReadOnlySpan<byte> nsn) => nsn.Length is >= 7 and <= 11 && nsn[0] != 0;

    private static bool Fr(ReadOnlySpan<byte> nsn) => nsn.Length == 9 && nsn[0] != 0;

    // Indian mobiles: ten digits starting 6-9.
    private static bool In(ReadOnlySpan<byte> nsn) => nsn.Length == 10 && nsn[0] >= 6;
}
