using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Names;
using Governance.Domain.Privacy.National;
using Governance.Domain.Privacy.Patterns;

namespace Governance.Domain.Tests.Privacy.National;

/// <summary>
/// The national recognizers added for Presidio parity (ADR-033): Presidio's unit-test values with Presidio's
/// scores where we keep them, ours where a weak check keeps a value under the threshold, and the check rules.
/// Every span of Presidio's cases is measured in <c>Evaluation/Presidio/PresidioUnitCaseTests</c>.
/// </summary>
public sealed class PresidioNationalRecognizerTests
{
    private static readonly PiiAnalyzer Ours =
        new([.. PiiRecognizers.Global, .. NationalIdRecognizers.All, DictionaryNameRecognizer.Default], new PiiAnalyzerOptions());

    [Theory]
    [InlineData("InPanRecognizer", "AAASA1111R", 0.1)]
    [InlineData("InPanRecognizer", "ABCPD1234Z", 0.5)]
    [InlineData("InPanRecognizer", "A1111DFSFS", 0.01)]
    [InlineData("InVoterRecognizer", "KSD1287349", 0.4)]
    [InlineData("InVoterRecognizer", "uzb2345117", 0.3)]
    [InlineData("InPassportRecognizer", "A3456781", 0.1)]
    [InlineData("InVehicleRegistrationRecognizer", "KA53ME3456", 1.0)]
    [InlineData("InVehicleRegistrationRecognizer", "KA99ME3456", 0.5)]
    [InlineData("InVehicleRegistrationRecognizer", "MCX1243", 0.2)]
    [InlineData("InVehicleRegistrationRecognizer", "DL3CJI0001", 1.0)]
    [InlineData("InVehicleRegistrationRecognizer", "77CD1234", 1.0)]
    [InlineData("ItDriverLicenseRecognizer", "U1K711J11M", 0.2)]
    [InlineData("ItPassportRecognizer", "aa7654321", 0.01)]
    [InlineData("ItIdentityCardRecognizer", "AA12345aa", 0.01)]
    [InlineData("ItVatCodeRecognizer", "01333550323", ItPatternRecognizers.VatVerified)]
    [InlineData("PlPeselRecognizer", "44051401458", PlPatternRecognizers.PeselVerified)]
    [InlineData("FiPersonalIdentityCodeRecognizer", "131052-308T", 1.0)]
    [InlineData("KrRrnRecognizer", "9601211021413", 1.0)]
    [InlineData("KrRrnRecognizer", "960121-1234567", 0.5)]
    public void Value_IsFoundWhole_WithItsScore(string recognizer, string text, double score)
    {
        var found = Scan.Run(NationalIdRecognizers.All.Single(r => r.Name == recognizer && r is PatternRecognizer), text);
        var best = found.OrderByDescending(c => c.Score).First();
        Assert.Equal((0, text.Length, score), (best.Start, best.End, best.Score));
    }

    [Theory]
    [InlineData("ItVatCodeRecognizer", "00000000000")]
    [InlineData("ItVatCodeRecognizer", "01333550324")]
    [InlineData("PlPeselRecognizer", "44051401459")]
    [InlineData("PlPeselRecognizer", "11110021111")]
    [InlineData("PlPeselRecognizer", "1440514014580")]
    [InlineData("FiPersonalIdentityCodeRecognizer", "131052-308U")]
    [InlineData("FiPersonalIdentityCodeRecognizer", "310252-308T")]
    [InlineData("KrRrnRecognizer", "961321-1234567")]
    [InlineData("KrRrnRecognizer", "960121 1234567")]
    [InlineData("InPanRecognizer", "ABCD1234")]
    public void Invalid_IsNotFound(string recognizer, string text) =>
        Assert.Empty(Scan.Run(NationalIdRecognizers.All.Single(r => r.Name == recognizer && r is PatternRecognizer), text));

    [Theory]
    [InlineData("Partita IVA 01333550323 intestata", "IT_VAT_CODE", "01333550323")]
    [InlineData("PESEL: 44051401458", "PL_PESEL", "44051401458")]
    [InlineData("hetu 131052-308T", "FI_PERSONAL_IDENTITY_CODE", "131052-308T")]
    [InlineData("Korean RRN 960121-1021413", "KR_RRN", "960121-1021413")]
    public void WithContext_IsReportedOnOurEndpoint(string text, string type, string value)
    {
        var found = Assert.Single(Ours.Analyze(text), e => e.EntityType == type);
        Assert.Equal(value, text[found.Start..found.End]);
    }

    [Theory]
    [InlineData("Order 01333550323 shipped", "IT_VAT_CODE")]
    [InlineData("Invoice 44051401458 paid", "PL_PESEL")]
    [InlineData("Flight AA1234567 boarded", "IT_PASSPORT")]
    public void WeakMatchWithoutContext_IsUnderOurThreshold(string text, string type) =>
        Assert.DoesNotContain(Ours.Analyze(text), e => e.EntityType == type);
}
