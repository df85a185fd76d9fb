using Governance.Domain.Privacy.National;

namespace Governance.Domain.Tests.Privacy.National;

public sealed class UkRecognizerTests
{
    private static readonly UkNhsRecognizer Nhs = new();
    private static readonly UkNinoRecognizer Nino = new();

    [Theory]
    [InlineData("943 476 5919", "943 476 5919")]
    [InlineData("NHS no. 943-476-5919.", "943-476-5919")]
    [InlineData("nhs 9434765919", "9434765919")]
    [InlineData("nhs 401 023 2137", "401 023 2137")]
    [InlineData("nhs 943\u200B476\u200B5919", "9434765919")]
    [InlineData("ｎｈｓ ９４３ ４７６ ５９１９", "943 476 5919")]
    public void Nhs_ValidNumber_Found(string text, string expected) => Assert.Equal([expected], Scan.Found(Nhs, text));

    [Theory]
    [InlineData("943 476 5918")]
    [InlineData("123 456 7890")]
    [InlineData("0000000000")]
    [InlineData("943 476 59190")]
    [InlineData("1943 476 5919")]
    [InlineData("94 3476 5919")]
    [InlineData("943-476-5919-7")]
    public void Nhs_InvalidCheckShapeOrBoundary_NotFound(string text) => Assert.Empty(Scan.Run(Nhs, text));

    [Theory]
    [InlineData("NINO: AB123456C", "AB123456C")]
    [InlineData("ni number AB 12 34 56 C please", "AB 12 34 56 C")]
    [InlineData("ab123456d", "ab123456d")]
    [InlineData("OA 12 34 56 A", "OA 12 34 56 A")]
    [InlineData("A\u200BB 12 34 56\u200B C", "AB 12 34 56 C")]
    [InlineData("ＡＢ１２３４５６Ｃ", "AB123456C")]
    public void Nino_Valid_Found(string text, string expected) => Assert.Equal([expected], Scan.Found(Nino, text));

    [Theory]
    [InlineData("DA123456A")]
    [InlineData("AF123456A")]
    [InlineData("QQ123456A")]
    [InlineData("AO123456A")]
    [InlineData("GB123456A")]
    [InlineData("NT123456A")]
    [InlineData("ZZ123456A")]
    [InlineData("AB123456E")]
    [InlineData("AB12345C")]
    [InlineData("AB1234567C")]
    [InlineData("XAB123456C")]
    [InlineData("AB123456CD")]
    public void Nino_InvalidPrefixSuffixOrBoundary_NotFound(string text) => Assert.Empty(Scan.Run(Nino, text));
}
