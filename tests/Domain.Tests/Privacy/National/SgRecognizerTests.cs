using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Patterns;

namespace Governance.Domain.Tests.Privacy.National;

/// <summary>
/// Presidio's unit-test cases for SG_NRIC_FIN (tests/test_sg_fin_recognizer.py: inputs and spans are facts).
/// Where they differ here: T1234567Z and G1122144L carry a wrong check letter, so they are not found.
/// </summary>
public sealed class SgRecognizerTests
{
    [Theory]
    [InlineData("S2740116C", 0, 9, 0.5)]
    [InlineData("F2346401L", 0, 9, 0.5)]
    [InlineData("M4332674T", 0, 9, 0.5)]
    [InlineData("NRIC S2740116C was processed", 5, 14, 0.5)]
    [InlineData("A1234567Z", 0, 9, 0.3)]
    [InlineData("B1234567Z", 0, 9, 0.3)]
    public void Found_AtTheBestPatternScore(string text, int start, int end, double score)
    {
        var best = Run(text).MaxBy(c => c.Score)!;
        Assert.Equal((start, end, score), (best.Start, best.End, best.Score));
    }

    [Fact]
    public void TwoValidNumbers_AreBothFound()
    {
        var spans = Run("S9108268C T7572225C").Where(c => c.Score == 0.5).Select(c => (c.Start, c.End)).ToList();
        Assert.Equal([(0, 9), (10, 19)], spans);
    }

    [Theory]
    [InlineData("PA12348L")]
    [InlineData("")]
    [InlineData("T1234567Z")]   // Presidio: found (it checks no letter); the check letter is J
    [InlineData("G1122144L")]   // Presidio: found; the check letter is R
    public void NotFound(string text) => Assert.Empty(Run(text));

    private static List<PiiCandidate> Run(string text)
    {
        var results = new List<PiiCandidate>();
        SgPatternRecognizers.NricFin.Analyze(NormalizedText.Create(text), results);
        return results;
    }
}
