using Governance.Domain.Privacy.National;

namespace Governance.Domain.Tests.Privacy.National;

public sealed class EuRecognizerTests
{
    private static readonly DeTaxIdRecognizer DeTax = new();
    private static readonly EsNifRecognizer Nif = new();
    private static readonly EsNieRecognizer Nie = new();
    private static readonly ItFiscalCodeRecognizer ItFiscal = new();

    [Theory]
    [InlineData("Steuer-ID 86095742719", 0.3)]
    [InlineData("IdNr 86 095 742 719", 0.4)]
    [InlineData("65789254134", 0.3)]
    [InlineData("11234567890", 0.3)]
    [InlineData("11213456783", 0.3)]
    [InlineData("８６０９５７４２７１９", 0.3)]
    [InlineData("860957\u200B42719", 0.3)]
    public void DeTaxId_Valid_Found(string text, double score) => Assert.Equal(score, Scan.SingleScore(DeTax, text));

    [Theory]
    [InlineData("86095742718")]
    [InlineData("12345678903")]
    [InlineData("11123456786")]
    [InlineData("11223456785")]
    [InlineData("06095742715")]
    [InlineData("860957427190")]
    [InlineData("860-957-427-19")]
    public void DeTaxId_InvalidCheckRepetitionOrShape_NotFound(string text) => Assert.Empty(Scan.Run(DeTax, text));

    [Theory]
    [InlineData("DNI 12345678Z", "12345678Z")]
    [InlineData("12345678-Z.", "12345678-Z")]
    [InlineData("12.345.678 z", "12.345.678 z")]
    [InlineData("nif: 87654321X", "87654321X")]
    [InlineData("１２３４５６７８Ｚ", "12345678Z")]
    [InlineData("1234\u200B5678Z", "12345678Z")]
    public void EsNif_Valid_Found(string text, string expected) => Assert.Equal([expected], Scan.Found(Nif, text));

    [Theory]
    [InlineData("12345678A")]
    [InlineData("123456789Z")]
    [InlineData("12345678ZA")]
    [InlineData("X12345678Z")]
    [InlineData("12-345-678Z")]
    public void EsNif_WrongLetterOrBoundary_NotFound(string text) => Assert.Empty(Scan.Run(Nif, text));

    [Theory]
    [InlineData("NIE X1234567L", "X1234567L")]
    [InlineData("Y-1234567-X", "Y-1234567-X")]
    [InlineData("z1234567r", "z1234567r")]
    [InlineData("Z 7654321 H", "Z 7654321 H")]
    [InlineData("Ｘ１２３４５６７Ｌ", "X1234567L")]
    public void EsNie_Valid_Found(string text, string expected) => Assert.Equal([expected], Scan.Found(Nie, text));

    [Theory]
    [InlineData("X1234567A")]
    [InlineData("X12345678L")]
    [InlineData("AX1234567L")]
    [InlineData("X1234567LL")]
    [InlineData("W1234567L")]
    public void EsNie_WrongLetterOrBoundary_NotFound(string text) => Assert.Empty(Scan.Run(Nie, text));

    [Theory]
    [InlineData("CF: RSSMRA85T10A562S", "RSSMRA85T10A562S")]
    [InlineData("rssmra85t10a562s", "rssmra85t10a562s")]
    [InlineData("BNCGVN80A41F205Q", "BNCGVN80A41F205Q")]
    [InlineData("RSSMRA85T10A56NH", "RSSMRA85T10A56NH")]
    [InlineData("RSSMRAURTMLARSNL", "RSSMRAURTMLARSNL")]
    [InlineData("RSSMRA85T10A\u200B562S", "RSSMRA85T10A562S")]
    [InlineData("ＲＳＳＭＲＡ８５Ｔ１０Ａ５６２Ｓ", "RSSMRA85T10A562S")]
    public void ItFiscalCode_Valid_Found(string text, string expected) => Assert.Equal([expected], Scan.Found(ItFiscal, text));

    [Theory]
    [InlineData("RSSMRA85T10A562T")]
    [InlineData("RSSMRA85Z10A562B")]
    [InlineData("RSSMRA85T35A562G")]
    [InlineData("XRSSMRA85T10A562S")]
    [InlineData("RSSMRA85T10A562S1")]
    [InlineData("RSSMRA85T10A5620")]
    public void ItFiscalCode_InvalidControlMonthDayOrBoundary_NotFound(string text) => Assert.Empty(Scan.Run(ItFiscal, text));
}
