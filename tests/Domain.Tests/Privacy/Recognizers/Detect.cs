using Governance.Domain.Privacy;

namespace Governance.Domain.Tests.Privacy.Recognizers;

/// <summary>Runs one recognizer, or the analyzer with only it, over a text.</summary>
internal static class Detect
{
    /// <summary>The substrings of the normalized text the recognizer reports, with their scores.</summary>
    public static List<(string Value, double Score)> Raw(IPiiRecognizer recognizer, string text)
    {
        var normalized = NormalizedText.Create(text);
        var results = new List<PiiCandidate>();
        recognizer.Analyze(normalized, results);
        var found = new List<(string, double)>();
        foreach (var r in results)
        {
            found.Add((normalized.Text[r.Start..r.End], r.Score));
        }

        return found;
    }

    /// <summary>The ORIGINAL substrings the analyzer reports with only this recognizer, at threshold 0.</summary>
    public static List<string> Spans(IPiiRecognizer recognizer, string text, double threshold = 0)
    {
        var analyzer = new PiiAnalyzer([recognizer], new PiiAnalyzerOptions());
        var spans = new List<string>();
        foreach (var e in analyzer.Analyze(text, scoreThreshold: threshold))
        {
            spans.Add(text.Substring(e.Start, e.Length));
        }

        return spans;
    }

    public static string Single(IPiiRecognizer recognizer, string text) => Assert.Single(Spans(recognizer, text));

    public static void None(IPiiRecognizer recognizer, string text) => Assert.Empty(Raw(recognizer, text));
}
