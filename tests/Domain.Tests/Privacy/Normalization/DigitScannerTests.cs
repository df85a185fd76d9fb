using System.Text;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.National;
using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Tests.Privacy.Normalization;

/// <summary>Runs of digit groups longer than the scanner's group buffer must not hide a number (an evasion).</summary>
public sealed class DigitScannerTests
{
    private static string Padding(int groups, string separator = " ")
    {
        var sb = new StringBuilder();
        for (var i = 0; i < groups; i++)
        {
            // Two-digit groups: no window of them is a card or an id shape, so only the planted value is found.
            sb.Append(10 + (i % 90)).Append(separator);
        }

        return sb.ToString();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(40)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Card_AfterManyShortGroupsInOneRun_IsFound(int padding)
    {
        var text = "pay " + Padding(padding) + "4111 1111 1111 1111 now";
        var found = Assert.Single(Analyze(new CreditCardRecognizer(), text));
        Assert.Equal("4111 1111 1111 1111", text[found.Start..found.End]);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(33)]
    [InlineData(500)]
    public void Card_OfSingleDigitGroupsStraddlingTheBuffer_IsFound(int padding)
    {
        // Each digit its own group: the card spans 16 groups, wherever the 32-group chunks are cut.
        var card = string.Join(' ', "4111111111111111".ToCharArray());
        var text = Padding(padding) + card;
        var found = Analyze(new CreditCardRecognizer(), text);
        Assert.Contains(found, e => text[e.Start..e.End] == card);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(300)]
    public void NationalIds_AfterManyShortGroupsInOneRun_AreFound(int padding)
    {
        Assert.Single(Analyze(new UkNhsRecognizer(), "nhs " + Padding(padding) + "943 476 5919"));
        Assert.Single(Analyze(new InAadhaarRecognizer(), "uid " + Padding(padding) + "2345 6789 0124"));
    }

    [Fact]
    public void LongRun_ReportsEachWindowOnce()
    {
        var text = Padding(40) + "4111 1111 1111 1111 " + Padding(40) + "5555 5555 5555 4444";
        var found = Analyze(new CreditCardRecognizer(), text);
        Assert.Equal(["4111 1111 1111 1111", "5555 5555 5555 4444"], found.Select(e => text[e.Start..e.End]));
    }

    [Fact]
    public void HyphenatedLongRun_StillOnlyCutsAtSpaces() =>
        Assert.Empty(Analyze(new CreditCardRecognizer(), Padding(40, "-") + "4111-1111-1111-1111"));

    private static List<PiiCandidate> Analyze(IPiiRecognizer recognizer, string text)
    {
        var results = new List<PiiCandidate>();
        recognizer.Analyze(NormalizedText.Create(text), results);
        return results;
    }
}
