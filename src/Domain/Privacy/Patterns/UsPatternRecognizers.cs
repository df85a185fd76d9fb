namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// Presidio's weak US recognizers, with its patterns, scores and context words (facts taken from
/// presidio_analyzer/predefined_recognizers/country_specific/us). Their scores are low on purpose: the
/// formats are common numbers, so only context makes them likely.
/// </summary>
public static class UsPatternRecognizers
{
    public const string DriverLicenseRegex =
        @"\b([A-Z][0-9]{3,6}|[A-Z][0-9]{5,9}|[A-Z][0-9]{6,8}|[A-Z][0-9]{4,8}|[A-Z][0-9]{9,11}|[A-Z]{1,2}[0-9]{5,6}|H[0-9]{8}|V[0-9]{6}|X[0-9]{8}|A-Z]{2}[0-9]{2,5}|[A-Z]{2}[0-9]{3,7}|[0-9]{2}[A-Z]{3}[0-9]{5,6}|[A-Z][0-9]{13,14}|[A-Z][0-9]{18}|[A-Z][0-9]{6}R|[A-Z][0-9]{9}|[A-Z][0-9]{1,12}|[0-9]{9}[A-Z]|[A-Z]{2}[0-9]{6}[A-Z]|[0-9]{8}[A-Z]{2}|[0-9]{3}[A-Z]{2}[0-9]{4}|[A-Z][0-9][A-Z][0-9][A-Z]|[0-9]{7,8}[A-Z])\b";

    /// <summary>A lookahead for a digit after at most two letters.</summary>
    internal const string DigitWithinThree = "(?=[A-Z]{0,2}[0-9])";

    public static PatternRecognizer DriverLicense { get; } = new("UsLicenseRecognizer", "US_DRIVER_LICENSE",
        [
            // Every alternative has a digit within its first three characters, so the guard refuses a word without
            // one in one step instead of twenty-three: unguarded, this was the analyzer's slowest pattern by far.
            // (Presidio's "A-Z]{2}..." alternative, a typo for a literal "A-Z]", cannot pass the guard.)
            new("Driver License - Alphanumeric (weak)", DriverLicenseRegex, 0.3) { Guard = DigitWithinThree },
            new("Driver License - Digits (very weak)", @"\b([0-9]{6,14}|[0-9]{16})\b", 0.01),
        ],
        ["driver", "license", "permit", "lic", "identification", "dls", "cdls", "lic#", "driving"]);

    public static PatternRecognizer Passport { get; } = new("UsPassportRecognizer", "US_PASSPORT",
        [
            new("Passport (very weak)", @"(\b[0-9]{9}\b)", 0.05),
            new("Passport Next Generation (very weak)", @"(\b[A-Z][0-9]{8}\b)", 0.1),
        ],
        ["us", "united", "states", "passport", "passport#", "travel", "document"]);

    public static PatternRecognizer BankNumber { get; } = new("UsBankRecognizer", "US_BANK_NUMBER",
        [new("Bank Account (weak)", @"\b[0-9]{8,17}\b", 0.05)],
        ["check", "account", "account#", "acct", "bank", "save", "debit"]);

    public static PatternRecognizer MedicalLicense { get; } = new("MedicalLicenseRecognizer", "MEDICAL_LICENSE",
        [new("USA DEA Certificate Number (weak)", @"[abcdefghjklmprstux][a-z]\d{7}|[abcdefghjklmprstux]9\d{7}", 0.4)],
        ["medical", "certificate", "DEA"],
        IsValidDea);

    public static IReadOnlyList<IPiiRecognizer> All { get; } = [DriverLicense, Passport, BankNumber, MedicalLicense];

    /// <summary>
    /// A DEA number's check digit: (d1 + d3 + d5) + 2 (d2 + d4 + d6) ends in d7. The pattern has no word
    /// boundaries (as Presidio's), so the seven digits are the last seven characters.
    /// </summary>
    public static bool IsValidDea(ReadOnlySpan<char> match)
    {
        if (match.Length < 9)
        {
            return false;
        }

        var d = match[^7..];
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += (d[i] - '0') * (i % 2 == 0 ? 1 : 2);
        }

        return sum % 10 == d[6] - '0';
    }
}
