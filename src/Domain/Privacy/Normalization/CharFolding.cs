using System.Globalization;
using System.Text;

namespace Governance.Domain.Privacy.Normalization;

/// <summary>
/// What one non-ASCII character becomes in the normalized text. The product runs with
/// InvariantGlobalization, where string.Normalize leaves non-ASCII text untouched, so the NFKC
/// mappings that matter for evasion (full-width forms, compatibility spaces, ligatures, mathematical
/// and enclosed letters, super/subscript digits) are carried here, with digit folding and a small
/// confusables table (Cyrillic and Greek look-alikes of Latin letters).
/// </summary>
internal static class CharFolding
{
    private const string FullWidthSpaces = "\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // Pairs: look-alike, Latin letter it imitates.
    private const string Confusables =
        "аaеeоoрpсcхxуyіiјjѕsԁdһhԛqԝwүyӏlАAВBЕEЅSІIЈJКKМMНHОOРPСCТTХXУYԌGԚQԜW" +
        "ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΧXΥYοoαaνvιiρpκkυuℓlıiɡgꓲIǀl";

    /// <summary>Removed outright: invisible characters that only exist to split tokens.</summary>
    public static bool IsInvisible(Rune r) =>
        Rune.GetUnicodeCategory(r) == UnicodeCategory.Format
        || r.Value is 0x034F or (>= 0xFE00 and <= 0xFE0F) or 0x115F or 0x1160 or 0x3164 or 0xFFA0
        || r.Value is >= 0xE0100 and <= 0xE01EF;

    /// <summary>
    /// Writes the replacement of <paramref name="r"/> into <paramref name="output"/> and returns its
    /// length, or -1 when the character is kept as it is.
    /// </summary>
    public static int Fold(Rune r, Span<char> output)
    {
        var v = r.Value;
        if (Rune.GetUnicodeCategory(r) == UnicodeCategory.DecimalDigitNumber)
        {
            output[0] = (char)('0' + (int)Rune.GetNumericValue(r));
            return 1;
        }

        if (v is >= 0xFF01 and <= 0xFF5E)
        {
            output[0] = (char)(v - 0xFEE0);
            return 1;
        }

        if (v < 0x10000)
        {
            var c = (char)v;
            if (FullWidthSpaces.Contains(c, StringComparison.Ordinal))
            {
                output[0] = ' ';
                return 1;
            }

            var at = FindConfusable(c);
            if (at >= 0)
            {
                output[0] = Confusables[at + 1];
                return 1;
            }
        }

        return FoldCompatibility(v, output);
    }

    private static int FindConfusable(char c)
    {
        for (var i = 0; i < Confusables.Length; i += 2)
        {
            if (Confusables[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    private static int FoldCompatibility(int v, Span<char> output)
    {
        switch (v)
        {
            case >= 0x1D400 and < 0x1D6A4:
                output[0] = Letters[(v - 0x1D400) % 52];
                return 1;
            case >= 0x24B6 and <= 0x24E9:
                output[0] = Letters[v - 0x24B6];
                return 1;
            case >= 0x2460 and <= 0x2468:
                output[0] = (char)('1' + v - 0x2460);
                return 1;
            case 0x24EA or 0x2070 or 0x2080:
                output[0] = '0';
                return 1;
            case 0xB9 or 0xB2 or 0xB3:
                output[0] = v == 0xB9 ? '1' : (char)('2' + v - 0xB2);
                return 1;
            case >= 0x2074 and <= 0x2079:
                output[0] = (char)('4' + v - 0x2074);
                return 1;
            case >= 0x2081 and <= 0x2089:
                output[0] = (char)('1' + v - 0x2081);
                return 1;
            case (>= 0x2010 and <= 0x2015) or 0x2212 or 0xFE63 or 0x2043:
                output[0] = '-';
                return 1;
            case 0x2024 or 0xFE52 or 0x3002 or 0xFF61:
                output[0] = '.';
                return 1;
            case 0xFE6B:
                output[0] = '@';
                return 1;
            case 0x2044 or 0x2215:
                output[0] = '/';
                return 1;
            case 0x212A:
                output[0] = 'K';
                return 1;
            case >= 0xFB00 and <= 0xFB06:
                return Ligature(v, output);
            default:
                return -1;
        }
    }

    private static int Ligature(int v, Span<char> output)
    {
        ReadOnlySpan<char> text = v switch
        {
            0xFB00 => "ff",
            0xFB01 => "fi",
            0xFB02 => "fl",
            0xFB03 => "ffi",
            0xFB04 => "ffl",
            _ => "st",
        };
        text.CopyTo(output);
        return text.Length;
    }
}
