namespace Governance.Inference.Text;

/// <summary>
/// BERT's accent stripping (NFD, then drop combining marks) for the Latin letters U+00C0..U+024F, from a
/// table: the product runs with invariant globalization, where string.Normalize cannot decompose.
/// Combining marks (category Mn) are dropped everywhere; precomposed letters outside the table
/// (Greek, Cyrillic, Vietnamese) keep their accents, which WordPiece then usually maps to [UNK] pieces.
/// </summary>
internal static class AccentFolding
{
    private const char First = '\u00C0';

    // Generated from Python's unicodedata: the NFD base letter of each code point, itself where none.
    private const string Bases =
        "AAAAAAÆCEEEEIIIIÐNOOOOO×ØUUUUYÞßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþy"
        + "AaAaAaCcCcCcCcDdĐđEeEeEeEeEeGgGgGgGgHhĦħIiIiIiIiIıĲĳJjKkĸLlLlLlĿ"
        + "ŀŁłNnNnNnŉŊŋOoOoOoŒœRrRrRrSsSsSsSsTtTtŦŧUuUuUuUuUuUuWwYyYZzZzZzſ"
        + "ƀƁƂƃƄƅƆƇƈƉƊƋƌƍƎƏƐƑƒƓƔƕƖƗƘƙƚƛƜƝƞƟOoƢƣƤƥƦƧƨƩƪƫƬƭƮUuƱƲƳƴƵƶƷƸƹƺƻƼƽƾƿ"
        + "ǀǁǂǃǄǅǆǇǈǉǊǋǌAaIiOoUuUuUuUuUuǝAaAaÆæǤǥGgKkOoOoƷʒjǱǲǳGgǶǷNnAaÆæØø"
        + "AaAaEeEeIiIiOoOoRrRrUuUuSsTtȜȝHhȠȡȢȣȤȥAaEeOoOoOoOoYyȴȵȶȷȸȹȺȻȼȽȾȿ"
        + "ɀɁɂɃɄɅɆɇɈɉɊɋɌɍɎɏ";

    public static char Fold(char c) => c >= First && c - First < Bases.Length ? Bases[c - First] : c;

    public static bool IsCombiningMark(char c) =>
        c >= '\u0300' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
