using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Names;
using Governance.Domain.Privacy.National;

namespace Governance.Domain.Tests.Privacy;

/// <summary>Values that read as two types, or as a type they are not: what the full analyzer reports.</summary>
public sealed class LookAlikeTests
{
    private static readonly PiiAnalyzer Analyzer =
        new([.. PiiRecognizers.Global, .. NationalIdRecognizers.All, DictionaryNameRecognizer.Default], new PiiAnalyzerOptions());

    [Theory]
    [InlineData("Our bank routing number is 021000021 for direct deposit.", "021000021")]
    [InlineData("ABA 011000015", "011000015")]
    [InlineData("routing number 0110-0001-5", "0110-0001-5")]
    public void Aba_WithContext_IsReported(string text, string value) => Assert.Equal(("ABA_ROUTING_NUMBER", value), Single(text));

    [Fact]
    public void Aba_WithoutContext_IsNotReported() => Assert.Empty(Analyzer.Analyze("The total was 021000021 units."));

    [Theory]
    [InlineData("Patient NHS number 943 476 5919 attended clinic.", "943 476 5919")]
    [InlineData("NHS no. 9434765919", "9434765919")]
    public void NhsNumberThatIsAlsoAPhoneShape_IsReportedAsNhs(string text, string value) => Assert.Equal(("UK_NHS", value), Single(text));

    [Fact]
    public void InvalidNhsNumberLabelledAsNhs_IsNotReportedAsAPhone() =>
        Assert.Empty(Analyzer.Analyze("NHS number 943 476 5918 failed validation."));

    [Fact]
    public void SameDigitsLabelledAsAPhone_AreStillAPhone() =>
        Assert.Equal(("PHONE_NUMBER", "(212) 555-0143"), Single("Call me on (212) 555-0143 after six."));

    [Theory]
    [InlineData("Card 4747 6629 9447 4607 was declined.")]
    [InlineData("Card 4607 8843 7037 4248 was declined.")]
    [InlineData("Tracking 9400 1000 0000 0000 0000 00 is with USPS.")]
    public void LuhnValidWindowCutFromALongerGroupedNumber_IsNotACard(string text) =>
        Assert.DoesNotContain(Analyzer.Analyze(text), e => e.EntityType == "CREDIT_CARD");

    [Theory]
    [InlineData("ref 12 4111 1111 1111 1111 thanks", "4111 1111 1111 1111")]
    [InlineData("items 3 4 5 378282246310005 ok", "378282246310005")]
    [InlineData("ids 77 3782 822463 10005 ok", "3782 822463 10005")]
    public void CardWrittenAfterOtherNumbersInTheSameRun_IsStillACard(string text, string value) =>
        Assert.Equal(("CREDIT_CARD", value), Single(text));

    [Theory]
    [InlineData("Section 3.2.1.4 of the contract applies.")]
    [InlineData("See clause 1.2.3.4 and version 10.0.0.1.")]
    public void DottedQuadLabelledAsANumbering_IsNotAnIp(string text) => Assert.Empty(Analyzer.Analyze(text));

    [Fact]
    public void DottedQuadWithoutALabel_IsAnIp() => Assert.Equal(("IP_ADDRESS", "3.2.1.4"), Single("The request came from 3.2.1.4 today."));

    [Fact]
    public void SixDecimalPairs_AreAMacOnlyWithContext()
    {
        Assert.Empty(Analyzer.Analyze("The meeting runs 10:15:20:25:30:35 in slots."));
        Assert.Equal(("MAC_ADDRESS", "10:15:20:25:30:35"), Single("device mac 10:15:20:25:30:35"));
        Assert.Equal(("MAC_ADDRESS", "00:1A:2B:3C:4D:5E"), Single("it is 00:1A:2B:3C:4D:5E now"));
    }

    [Fact]
    public void AadhaarWhosePartIsAPhoneShape_IsReportedAsAadhaar() =>
        Assert.Equal(("IN_AADHAAR", "3108 0836 8960"), Single("My Aadhaar number is 3108 0836 8960."));

    [Theory]
    [InlineData("Card 4224 3258 5798 4391 was declined.")]
    [InlineData("Card 4722 0796 5223 9306 was declined.")]
    [InlineData("codes 22 23 24 25 26 27 28 29 30 31 32 33 end")]
    public void IdOrPhoneShapedWindowCutFromALongerRun_IsNotReportedWithoutContext(string text) => Assert.Empty(Analyzer.Analyze(text));

    [Fact]
    public void InternationalPhoneAfterOtherNumbers_IsStillAPhone() =>
        Assert.Equal(("PHONE_NUMBER", "+1 415 555 2671"), Single("ids 7 8 9 10 11 12 13 +1 415 555 2671"));

    [Fact]
    public void IdCutFromALongerRun_IsReportedWithContext() =>
        Assert.Equal(("IN_AADHAAR", "2345 6789 0124"), Single("aadhaar: ref 77 2345 6789 0124"));

    [Fact]
    public void ValidNhsNumberWithoutContext_IsNotReportedAsNhs() =>
        Assert.DoesNotContain(Analyzer.Analyze("Invoice 943-476-5919 is overdue."), e => e.EntityType == "UK_NHS");

    private static (string Type, string Value) Single(string text)
    {
        var e = Assert.Single(Analyzer.Analyze(text));
        return (e.EntityType, text[e.Start..e.End]);
    }
}
