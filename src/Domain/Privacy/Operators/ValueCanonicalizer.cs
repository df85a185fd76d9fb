using System.Globalization;
using System.Text;

namespace Governance.Domain.Privacy.Operators;

/// <summary>
/// The form of a value the keyed operators hash, so that "4111 1111 1111 1111", "4111111111111111"
/// and the same number with full-width digits or a zero-width space give one token: NFKC, format and
/// white-space characters dropped, every decimal digit folded to ASCII, upper case; for identifier
/// types (numbers whose separators carry no meaning) only letters and digits are kept.
/// </summary>
internal static class ValueCanonicalizer
{
    private static readonly HashSet<string> IdentifierTypes = new(StringComparer.Ordinal)
    {
        "CREDIT_CARD", "IBAN_CODE", "PHONE_NUMBER", "US_SSN", "US_ITIN", "US_BANK_NUMBER", "ABA_ROUTING_NUMBER",
        "UK_NHS", "UK_NINO", "DE_TAX_ID", "ES_NIF", "ES_NIE", "IN_AADHAAR", "IT_FISCAL_CODE", "MAC_ADDRESS",
    };

    public static string Canonicalize(string entityType, string value)
    {
        var text = value.IsNormalized(NormalizationForm.FormKC) ? value : value.Normalize(NormalizationForm.FormKC);
        var lettersAndDigitsOnly = IdentifierTypes.Contains(entityType);
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                continue;
            }

            if (Rune.IsDigit(rune))
            {
                builder.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            }
            else if (!lettersAndDigitsOnly || Rune.IsLetter(rune))
            {
                builder.Append(Rune.ToUpperInvariant(rune).ToString());
            }
        }

        return builder.ToString();
    }
}
