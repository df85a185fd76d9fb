using Governance.Domain.Privacy.National;

namespace Governance.Domain.Tests.Privacy.National;

public sealed class InAadhaarRecognizerTests
{
    private static readonly InAadhaarRecognizer Recognizer = new();

    [Theory]
    [InlineData("Aadhaar 2345 6789 0124", 0.5)]
    [InlineData("4987-3151-2346", 0.5)]
    [InlineData("623456789016", 0.3)]
    [InlineData("２３４５ ６７８９ ０１２４", 0.5)]
    [InlineData("2345\u200B6789\u200C0124", 0.3)]
    public void Analyze_Valid_Found(string text, double score) => Assert.Equal(score, Scan.SingleScore(Recognizer, text));

    [Theory]
    [InlineData("2345 6789 0125")]
    [InlineData("123456789010")]
    [InlineData("200009900002")]
    [InlineData("2345 6789 01245")]
    [InlineData("92345 6789 0124")]
    [InlineData("2345-6789-0124-1")]
    [InlineData("234 5678 90124")]
    public void Analyze_InvalidChecksumFirstDigitPalindromeOrShape_NotFound(string text) =>
        Assert.Empty(Scan.Run(Recognizer, text));

    [Fact]
    public void All_ContainsEveryNationalEntity_EachUnderOneRecognizerName()
    {
        var types = new List<string>();
        foreach (var group in NationalIdRecognizers.All.GroupBy(r => r.EntityTypes[0]))
        {
            // A second form of one type (seven-digit NIF, colon-grouped Aadhaar) is the same recognizer to callers.
            Assert.Single(group.Select(r => r.Name).Distinct());
            types.Add(group.Key);
        }

        Assert.Equal(
            ["ABA_ROUTING_NUMBER", "AU_ABN", "AU_ACN", "AU_MEDICARE", "AU_TFN", "DE_TAX_ID", "ES_NIE", "ES_NIF", "FI_PERSONAL_IDENTITY_CODE",
                "IN_AADHAAR", "IN_PAN", "IN_PASSPORT", "IN_VEHICLE_REGISTRATION", "IN_VOTER", "IT_DRIVER_LICENSE", "IT_FISCAL_CODE",
                "IT_IDENTITY_CARD", "IT_PASSPORT", "IT_VAT_CODE", "KR_RRN", "MEDICAL_LICENSE", "PL_PESEL", "SG_NRIC_FIN", "UK_NHS", "UK_NINO",
                "US_BANK_NUMBER", "US_DRIVER_LICENSE", "US_ITIN", "US_PASSPORT", "US_SSN"],
            types.Order(StringComparer.Ordinal));
    }
}
