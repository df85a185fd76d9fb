using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Names;
using Governance.Domain.Privacy.National;
using Governance.Domain.Privacy.Patterns;

namespace Governance.Domain.Tests.Privacy.National;

/// <summary>
/// Presidio's unit-test cases for its Australian recognizers (tests/test_au_*_recognizer.py: inputs and
/// expected spans are facts), with our scores: 0.4 grouped, 0.3 in one run, where Presidio gives 1.0.
/// </summary>
public sealed class AuRecognizerTests
{
    private static readonly PiiAnalyzer Analyzer =
        new([.. PiiRecognizers.Global, .. NationalIdRecognizers.All, DictionaryNameRecognizer.Default], new PiiAnalyzerOptions());

    public static TheoryData<string, string, int, int, double> Valid => new()
    {
        { "AU_ABN", "51 824 753 556", 0, 14, 0.4 },
        { "AU_ABN", "51824753556", 0, 11, 0.3 },
        { "AU_TFN", "876 543 210", 0, 11, 0.4 },
        { "AU_TFN", "876543210", 0, 9, 0.3 },
        { "AU_ACN", "000 000 019", 0, 11, 0.4 },
        { "AU_ACN", "005 499 981", 0, 11, 0.4 },
        { "AU_ACN", "006249976", 0, 9, 0.3 },
        { "AU_MEDICARE", "2123 45670 1", 0, 12, 0.4 },
        { "AU_MEDICARE", "2123456701", 0, 10, 0.3 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_IsFoundWithItsPatternScore(string type, string text, int start, int end, double score)
    {
        var found = Assert.Single(Run(type, text));
        Assert.Equal((start, end, score), (found.Start, found.End, found.Score));
    }

    [Theory]
    [InlineData("AU_ABN", "52 824 753 556")]
    [InlineData("AU_ABN", "52824753556")]
    [InlineData("AU_ABN", "5282475355632")]
    [InlineData("AU_ABN", "52824753556AF")]
    [InlineData("AU_ABN", "51 824 753 5564")]
    [InlineData("AU_ABN", "123 456\n789")]
    [InlineData("AU_TFN", "824 753 557")]
    [InlineData("AU_TFN", "824753557")]
    [InlineData("AU_TFN", "5282475355632")]
    [InlineData("AU_TFN", "52824753556AF")]
    [InlineData("AU_TFN", "51 824 753 5564")]
    [InlineData("AU_TFN", "123 456\n789")]
    [InlineData("AU_ACN", "824 753 557")]
    [InlineData("AU_ACN", "824753557")]
    [InlineData("AU_ACN", "5282475355632")]
    [InlineData("AU_ACN", "52824753556AF")]
    [InlineData("AU_ACN", "51 824 753 5564")]
    [InlineData("AU_ACN", "123 456\n789")]
    [InlineData("AU_MEDICARE", "2123 25870 1")]
    [InlineData("AU_MEDICARE", "2123258701")]
    [InlineData("AU_MEDICARE", "212345670221")]
    [InlineData("AU_MEDICARE", "2123456702AF")]
    [InlineData("AU_MEDICARE", "123 456\n789")]
    public void Invalid_IsNotFound(string type, string text) => Assert.Empty(Run(type, text));

    [Theory]
    [InlineData("Our ABN is 51 824 753 556.", "AU_ABN", "51 824 753 556")]
    [InlineData("TFN: 876 543 210", "AU_TFN", "876 543 210")]
    [InlineData("Medicare card 2123 45670 1 expires", "AU_MEDICARE", "2123 45670 1")]
    public void WithContext_IsReportedAtTheDefaultThreshold(string text, string type, string value)
    {
        var found = Assert.Single(Analyzer.Analyze(text), e => e.EntityType == type);
        Assert.Equal(value, text[found.Start..found.End]);
    }

    [Fact]
    public void WithoutContext_IsUnderTheDefaultThreshold() =>
        Assert.DoesNotContain(Analyzer.Analyze("Order 876543210 shipped in box 006249976."), e => e.EntityType.StartsWith("AU_", StringComparison.Ordinal));

    private static List<PiiCandidate> Run(string type, string text)
    {
        var recognizer = AuPatternRecognizers.All.Single(r => r.EntityTypes[0] == type);
        var results = new List<PiiCandidate>();
        recognizer.Analyze(NormalizedText.Create(text), results);
        return results;
    }
}
