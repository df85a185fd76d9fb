using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Names;
using Governance.Domain.Privacy.National;

namespace Governance.Domain.Tests.Privacy.Normalization;

/// <summary>Issue 16's digit evasions: gaps between digit groups, and letters that look like digits inside numbers.</summary>
public sealed class DigitEvasionTests
{
    private static readonly PiiAnalyzer Analyzer =
        new([.. PiiRecognizers.Global, .. NationalIdRecognizers.All, DictionaryNameRecognizer.Default], new PiiAnalyzerOptions());

    [Theory]
    [InlineData("4111   1111", "4111 1111")]
    [InlineData("4111\n1111\r\n1111\t1111", "4111 1111 1111 1111")]
    [InlineData("4111 \n \n 1111", "4111 1111")]
    [InlineData("4111_1111*1111~1111\\1111", "4111-1111-1111-1111-1111")]
    [InlineData("\uFF14\uFF11\n\n\uFF11", "41 1")]
    [InlineData("a  b\n\nc", "a  b\n\nc")]          // no digits on both sides: kept
    [InlineData("total 12\n", "total 12\n")]
    [InlineData("x_y 4_a", "x_y 4_a")]
    [InlineData("10:45", "10:45")]                   // ':' separates times, MACs and IPv6: kept
    public void Create_GapsBetweenDigits_ReadAsOneSeparator(string original, string expected) =>
        Assert.Equal(expected, NormalizedText.Create(original).Text);

    [Fact]
    public void ToOriginal_FoldedGap_CoversTheWholeRun()
    {
        const string original = "card 4111\n\n\n1111 end";
        var n = NormalizedText.Create(original);
        Assert.Equal("card 4111 1111 end", n.Text);
        var (start, end) = n.ToOriginal(5, 14);
        Assert.Equal("4111\n\n\n1111", original[start..end]);
    }

    [Theory]
    [InlineData("4l11 1111", "4111 1111")]
    [InlineData("SSSl O568", "5551 0568")]
    [InlineData("3O8|", "3081")]
    [InlineData("FR4B 2775", "FR48 2775")]
    [InlineData("Gate B12", "Gate 812")]                 // read so, but only checksum types read this
    [InlineData("Hello SOS world 42", "Hello SOS world 42")] // no look-alike next to a digit
    [InlineData("SL500", "SL500")]                       // 'L' breaks the chain
    public void DigitReading_FoldsLookAlikesInsideNumbersOnly(string text, string expected) =>
        Assert.Equal(expected, NormalizedText.Create(text).DigitReading?.Text ?? text);

    [Fact]
    public void DigitReading_PlainProse_IsNull() => Assert.Null(NormalizedText.Create("Lots of Old Issues, Sorted By Owner").DigitReading);

    [Theory]
    [InlineData("card 4lll 1111 1111 1111 thanks", "CREDIT_CARD", "4lll 1111 1111 1111")]
    [InlineData("NHS number 943 47G S9l9", "UK_NHS", "943 47G S9l9")]
    [InlineData("IBAN GB82 WEST l234 S698 7G54 32", "IBAN_CODE", "GB82 WEST l234 S698 7G54 32")]
    public void Analyze_LookAlikesInChecksummedValue_AreFoundOnTheOriginalSpan(string text, string type, string value)
    {
        var e = Assert.Single(Analyzer.Analyze(text));
        Assert.Equal((type, value), (e.EntityType, text[e.Start..e.End]));
    }

    [Theory]
    [InlineData("SSN 536-22-lO49")]                      // no checksum: look-alikes are not read for SSNs
    [InlineData("card 4lll 1111 1111 1112 thanks")]     // fails Luhn once read
    [InlineData("Seat 12B, gate B12, flight BA2O49")]
    public void Analyze_LookAlikesWithoutAValidChecksum_AreNothing(string text) => Assert.Empty(Analyzer.Analyze(text));

    [Theory]
    [InlineData("Scores 4 5 3 4 5 5 4 3 2 1 were logged")]
    [InlineData("Rooms   101   202   303   are free")]
    public void Analyze_ListsOfSmallNumbers_AreNothing(string text) => Assert.Empty(Analyzer.Analyze(text));

    [Fact]
    public void Analyze_SingleDigitPhoneWithContext_IsStillFound()
    {
        var e = Assert.Single(Analyzer.Analyze("call 4 1 5 5 5 5 2 6 7 1 now"));
        Assert.Equal("PHONE_NUMBER", e.EntityType);
    }
}
