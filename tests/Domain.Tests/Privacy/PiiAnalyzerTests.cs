using Governance.Domain.Privacy;

namespace Governance.Domain.Tests.Privacy;

public sealed class PiiAnalyzerTests
{
    private static readonly PiiAnalyzer Analyzer = new(PiiRecognizers.Global, new PiiAnalyzerOptions());

    [Fact]
    public void Analyze_ReturnsOriginalSpansSortedByStart()
    {
        const string text = "Card 4111\u200B1111\u200B1111\u200B1111, mail jo\uFF20example.com, IBAN de89 3704 0044 0532 0130 00.";
        var found = Analyzer.Analyze(text);
        Assert.Equal(["CREDIT_CARD", "EMAIL_ADDRESS", "IBAN_CODE"], Types(found));
        Assert.Equal("4111\u200B1111\u200B1111\u200B1111", text.Substring(found[0].Start, found[0].Length));
        Assert.Equal("jo\uFF20example.com", text.Substring(found[1].Start, found[1].Length));
        Assert.Equal("de89 3704 0044 0532 0130 00", text.Substring(found[2].Start, found[2].Length));
        Assert.Equal("CreditCardRecognizer", found[0].Recognizer);
    }

    [Fact]
    public void Analyze_ContextWordNearby_BoostsScoreOverTheThreshold()
    {
        Assert.Empty(Analyzer.Analyze("the order was placed 12/03/2024"));
        var found = Assert.Single(Analyzer.Analyze("Date of birth: 12/03/2024"));
        Assert.Equal(("DATE_TIME", 0.75), (found.EntityType, found.Score));
        Assert.Single(Analyzer.Analyze("12/03/2024 (DOB)"));
    }

    [Fact]
    public void Analyze_ContextWordOutsideTheWindowOrInsideAWord_DoesNotBoost()
    {
        Assert.Empty(Analyzer.Analyze("born " + new string('x', 60) + " 12/03/2024"));
        Assert.Empty(Analyzer.Analyze("stubborn 12/03/2024"));
        var narrow = new PiiAnalyzer(PiiRecognizers.Global, new PiiAnalyzerOptions { ContextWindow = 3 });
        Assert.Empty(narrow.Analyze("born on 12/03/2024"));
    }

    [Fact]
    public void Analyze_BoostIsCappedAtOne() =>
        Assert.Equal(1.0, Assert.Single(Analyzer.Analyze("phone +1 415 555 2671 phone", scoreThreshold: 0)).Score);

    [Fact]
    public void Analyze_Threshold_IsApplied()
    {
        Assert.Single(Analyzer.Analyze("the order was placed 12/03/2024", scoreThreshold: 0.4));
        Assert.Empty(Analyzer.Analyze("visit example.com", scoreThreshold: 0.6));
        Assert.Empty(new PiiAnalyzer(PiiRecognizers.Global, new PiiAnalyzerOptions { DefaultThreshold = 0.95 }).Analyze("visit example.com"));
    }

    [Fact]
    public void Analyze_EntityFilter_RunsOnlyThoseTypes()
    {
        const string text = "a@example.com 4111 1111 1111 1111";
        Assert.Equal(["CREDIT_CARD"], Types(Analyzer.Analyze(text, ["CREDIT_CARD"])));
        Assert.Empty(Analyzer.Analyze(text, ["US_SSN"]));
    }

    [Fact]
    public void Analyze_Overlaps_KeepHigherScoreThenLongerSpan()
    {
        // The e-mail (1.0) contains a bare domain the URL recognizer would score 0.5.
        Assert.Equal(["EMAIL_ADDRESS"], Types(Analyzer.Analyze("write to someone@example.com")));
        var same = new PiiAnalyzer([new Fixed(("A", 0, 4, 0.8)), new Fixed(("B", 2, 10, 0.8)), new Fixed(("C", 3, 6, 0.9))], new PiiAnalyzerOptions());
        Assert.Equal(["C"], Types(same.Analyze("0123456789")));
        var longer = new PiiAnalyzer([new Fixed(("A", 0, 4, 0.8)), new Fixed(("B", 2, 10, 0.8))], new PiiAnalyzerOptions());
        Assert.Equal(["B"], Types(longer.Analyze("0123456789")));
    }

    [Fact]
    public void Analyze_NoPii_ReturnsEmpty() => Assert.Empty(Analyzer.Analyze("Nothing personal in here, version 1.2.3."));

    private static string[] Types(IReadOnlyList<PiiEntity> found)
    {
        var types = new string[found.Count];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = found[i].EntityType;
        }

        return types;
    }

    private sealed class Fixed((string Type, int Start, int End, double Score) result) : IPiiRecognizer
    {
        public string Name => "Fixed";

        public IReadOnlyList<string> EntityTypes => [result.Type];

        public IReadOnlyList<string> ContextWords => [];

        public void Analyze(NormalizedText text, List<PiiCandidate> results) =>
            results.Add(new PiiCandidate(result.Type, result.Start, result.End, result.Score, Name));
    }
}
