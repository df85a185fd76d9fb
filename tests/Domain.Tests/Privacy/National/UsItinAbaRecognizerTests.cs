using Governance.Domain.Privacy.National;

namespace Governance.Domain.Tests.Privacy.National;

public sealed class UsItinAbaRecognizerTests
{
    private static readonly UsItinRecognizer Itin = new();
    private static readonly AbaRoutingRecognizer Aba = new();

    [Theory]
    [InlineData("912-50-1234", 0.5)]
    [InlineData("912 65 1234", 0.5)]
    [InlineData("912-70-1234", 0.5)]
    [InlineData("912-88-1234", 0.5)]
    [InlineData("912-92-1234", 0.5)]
    [InlineData("912-99-1234", 0.5)]
    [InlineData("912941234", 0.3)]
    public void Itin_ValidGroup_Found(string itin, double score) => Assert.Equal(score, Scan.SingleScore(Itin, $"ITIN {itin}"));

    [Theory]
    [InlineData("912-49-1234")]
    [InlineData("912-66-1234")]
    [InlineData("912-89-1234")]
    [InlineData("912-93-1234")]
    [InlineData("812-70-1234")]
    [InlineData("9912-70-1234")]
    public void Itin_InvalidGroupOrArea_NotFound(string itin) => Assert.Empty(Scan.Run(Itin, $"ITIN {itin}"));

    [Fact]
    public void Itin_FullWidthDigits_Found() => Assert.Single(Scan.Run(Itin, "ＩＴＩＮ ９１２-７０-１２３４"));

    [Theory]
    [InlineData("011000015")]
    [InlineData("021000021")]
    [InlineData("122000661")]
    [InlineData("322271627")]
    [InlineData("0110 0001 5")]
    public void Aba_ValidRoutingNumber_FoundUnderThresholdAlone(string rtn) => Assert.Equal(0.2, Scan.SingleScore(Aba, $"routing {rtn}"));

    [Theory]
    [InlineData("011000016")]
    [InlineData("021000012")]
    [InlineData("000000000")]
    [InlineData("400000008")]
    [InlineData("0110000151")]
    [InlineData("x011000015")]
    public void Aba_BadChecksumPrefixOrBoundary_NotFound(string rtn) => Assert.Empty(Scan.Run(Aba, $"routing {rtn}"));

    [Fact]
    public void Aba_ZeroWidthInside_Found() => Assert.Equal(["021000021"], Scan.Found(Aba, "aba 0210\u200B00021"));
}
