using Governance.Domain.Privacy.Names;
using Governance.Domain.Tests.Privacy.National;

namespace Governance.Domain.Tests.Privacy.Names;

public sealed class DictionaryNameRecognizerTests
{
    private static readonly DictionaryNameRecognizer Default = DictionaryNameRecognizer.Default;

    [Fact]
    public void Default_HasAboutAHundredNames() => Assert.InRange(Default.Count, 100, 130);

    [Fact]
    public void Analyze_FirstAndLastName_OneSpanWithPairScore()
    {
        var match = Assert.Single(Scan.Run(Default, "Please call Sarah Johnson tomorrow."));

        Assert.Equal(("PERSON", 12, 25, 0.85), (match.EntityType, match.Start, match.End, match.Score));
    }

    [Fact]
    public void Analyze_SingleCapitalizedName_BaseScore() =>
        Assert.Equal(0.6, Scan.SingleScore(Default, "Ask Jennifer."));

    [Fact]
    public void Analyze_LowercaseName_FoundWithLowerScore() =>
        Assert.Equal(0.3, Scan.SingleScore(Default, "ask jennifer about it"));

    [Theory]
    [InlineData("JOHN SMITH", "JOHN SMITH")]
    [InlineData("mary ann garcia", "mary")]
    [InlineData("Dear Mary Elizabeth Jones,", "Mary Elizabeth Jones")]
    [InlineData("Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith")]
    [InlineData("Jo\u200Bhn Smi\u200Dth", "John Smith")]
    public void Analyze_CaseWidthAndInvisibleCharacters_Found(string text, string expected) =>
        Assert.Equal(expected, Scan.Found(Default, text)[0]);

    [Theory]
    [InlineData("Johnsons")]
    [InlineData("Smithy")]
    [InlineData("john_smith")]
    [InlineData("user john1")]
    [InlineData("the ledger balanced")]
    public void Analyze_PartOfLongerWord_NotFound(string text) => Assert.Empty(Scan.Run(Default, text));

    [Fact]
    public void Analyze_CustomList_WithApostropheAndHyphen()
    {
        var recognizer = new DictionaryNameRecognizer(["O'Brien", "Anne-Marie", "  Zoë  "], score: 0.5);

        Assert.Equal(["Anne-Marie O'Brien", "zoë"], Scan.Found(recognizer, "Anne-Marie O'Brien met zoë."));
    }

    [Fact]
    public void Analyze_NamesSeparatedByPunctuation_AreSeparateSpans() =>
        Assert.Equal(["John", "Smith"], Scan.Found(Default, "John, Smith"));

    [Fact]
    public void Constructor_ScoreOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DictionaryNameRecognizer(["x"], score: 0));
}
