namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// Presidio's Italian recognizers for the VAT code (partita IVA), driver licence, passport and identity card:
/// its patterns, scores and context words (facts from presidio_analyzer/predefined_recognizers/country_specific/italy).
/// The fiscal code is <c>National/ItFiscalCodeRecognizer</c>. Only the VAT code has a check digit; Presidio then
/// scores 1.0, here 0.4 (ADR-033): the Luhn-style digit passes one random 11-digit number in ten, so on our own
/// endpoints an order number must not come back as a VAT code without its context word.
/// </summary>
public static class ItPatternRecognizers
{
    public const double VatVerified = 0.4;

    // Presidio: \b([0-9][ _]?){11}\b. '-' is accepted too, because normalization turns '_' between digits into '-'.
    public static PatternRecognizer VatCode { get; } = new("ItVatCodeRecognizer", "IT_VAT_CODE",
        [new("IT Vat code (piva)", @"\b(?:[0-9][ _-]?){10}[0-9]\b", 0.1)],
        ["piva", "partita iva", "pi"],
        VerifyVat, VatVerified);

    // Presidio's pattern behind a guard for its first digit, so a plain word is refused in one step.
    public static PatternRecognizer DriverLicense { get; } = new("ItDriverLicenseRecognizer", "IT_DRIVER_LICENSE",
        [new("Driver License", @"\b(?:[A-Z]{2}[0-9]{7}[A-Z]|U1[BCDEFGHLJKMNPRSTUWYXZ0-9]{7}[A-Z])\b", 0.2) { Guard = UsPatternRecognizers.DigitWithinThree }],
        ["patente", "patente di guida", "licenza", "licenza di guida"]);

    public static PatternRecognizer Passport { get; } = new("ItPassportRecognizer", "IT_PASSPORT",
        [new("Passport (very weak)", @"\b[A-Z]{2}[0-9]{7}\b", 0.01)],
        ["passaporto", "elettronico", "italiano", "viaggio", "viaggiare", "estero", "documento", "dogana"]);

    public static PatternRecognizer IdentityCard { get; } = new("ItIdentityCardRecognizer", "IT_IDENTITY_CARD",
        [
            new("Paper-based Identity Card (very weak)", @"\b[A-Z]{2}\s?[0-9]{7}\b", 0.01),
            new("Electronic Identity Card (CIE) 2.0 (very weak)", @"\b[0-9]{7}[A-Z]{2}\b", 0.01),
            new("Electronic Identity Card (CIE) 3.0 (very weak)", @"\b[A-Z]{2}[0-9]{5}[A-Z]{2}\b", 0.01),
        ],
        ["carta", "identità", "elettronica", "cie", "documento", "riconoscimento", "espatrio"]);

    public static IReadOnlyList<IPiiRecognizer> All { get; } = [VatCode, DriverLicense, Passport, IdentityCard];

    /// <summary>
    /// The VAT check digit: odd positions summed, even positions doubled (less 9 above 9) and summed; the
    /// eleventh digit completes the total to a multiple of ten. All zeros is no code.
    /// </summary>
    public static MatchVerdict VerifyVat(ReadOnlySpan<char> match)
    {
        Span<int> d = stackalloc int[11];
        if (MatchDigits.Read(match, d) != 11 || !d.ContainsAnyExcept(0))
        {
            return MatchVerdict.Refused;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var x = i % 2 == 0 ? d[i] : d[i] * 2;
            sum += x > 9 ? x - 9 : x;
        }

        return (10 - (sum % 10)) % 10 == d[10] ? MatchVerdict.Passed : MatchVerdict.Refused;
    }
}
