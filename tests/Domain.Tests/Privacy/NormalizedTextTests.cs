using Governance.Domain.Privacy;

namespace Governance.Domain.Tests.Privacy;

public sealed class NormalizedTextTests
{
    [Fact]
    public void Create_PlainAscii_IsUnchangedAndMapsToItself()
    {
        var n = NormalizedText.Create("card 4111 1111");
        Assert.Same(n.Original, n.Text);
        Assert.Equal((5, 9), n.ToOriginal(5, 9));
    }

    [Theory]
    [InlineData("\uFF14\uFF11\uFF11\uFF11", "4111")]            // full-width digits
    [InlineData("\u0664\u0661\u0661\u0661", "4111")]            // Arabic-Indic digits
    [InlineData("\u096A\u0967\u0967\u0967", "4111")]            // Devanagari digits
    [InlineData("\U0001D7D2\U0001D7CF", "41")]                  // mathematical bold digits (surrogate pairs)
    [InlineData("41\u200B11\u200D\u00AD\uFEFF\u200E11", "411111")] // zero-width, soft hyphen, BOM, bidi mark
    [InlineData("\u0440\u0430\u0443\u0440\u0430l", "paypal")]   // Cyrillic look-alikes
    [InlineData("\u0391\u0392\u039D\u0391", "ABNA")]            // Greek capitals
    [InlineData("a%40b%2Ecom", "a@b.com")]                      // percent-encoding
    [InlineData("100%", "100%")]
    [InlineData("%4", "%4")]
    [InlineData("%0A%C3", "%0A%C3")]                             // not printable ASCII: kept
    [InlineData("\uFF21\uFF22\uFF43", "ABc")]                   // full-width letters
    [InlineData("1\u00A02\u20093\u30004", "1 2 3 4")]           // compatibility spaces
    [InlineData("\uFB01le", "file")]                            // ligature
    [InlineData("\u2460\u00B2", "12")]                          // circled and superscript digits
    [InlineData("caf\u00E9 \u65E5\u672C", "caf\u00E9 \u65E5\u672C")] // everything else is kept
    public void Create_FoldsEvasions(string original, string expected) =>
        Assert.Equal(expected, NormalizedText.Create(original).Text);

    [Fact]
    public void ToOriginal_SpanOverRemovedCharacters_CoversThem()
    {
        const string original = "x 41\u200B11 y";
        var n = NormalizedText.Create(original);
        Assert.Equal("x 4111 y", n.Text);
        var (start, end) = n.ToOriginal(2, 6);
        Assert.Equal("41\u200B11", original[start..end]);
    }

    [Fact]
    public void ToOriginal_RemovedCharactersAtTheEdges_AreLeftOut()
    {
        const string original = "\u200B41\u200B";
        var n = NormalizedText.Create(original);
        Assert.Equal((1, 3), n.ToOriginal(0, 2));
    }

    [Fact]
    public void ToOriginal_ExpandedAndContractedCharacters_MapExactly()
    {
        const string original = "a%40\U0001D7CF\uFB01z";
        var n = NormalizedText.Create(original);
        Assert.Equal("a@1fiz", n.Text);
        Assert.Equal("%40", original[n.ToOriginal(1, 2).Start..n.ToOriginal(1, 2).End]);
        Assert.Equal("\U0001D7CF", original[n.ToOriginal(2, 3).Start..n.ToOriginal(2, 3).End]);
        Assert.Equal((6, 7), n.ToOriginal(3, 4));
        Assert.Equal((6, 7), n.ToOriginal(3, 5));
        Assert.Equal((7, 8), n.ToOriginal(5, 6));
        Assert.Equal((8, 8), n.ToOriginal(6, 6));
    }

    [Fact]
    public void ToOriginal_OutOfRange_Throws()
    {
        var n = NormalizedText.Create("ab\u200B");
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToOriginal(1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToOriginal(2, 1));
    }

    [Fact]
    public void Create_LoneSurrogate_IsKept()
    {
        var n = NormalizedText.Create("a\uD800b");
        Assert.Equal("a\uD800b", n.Text);
    }
}
