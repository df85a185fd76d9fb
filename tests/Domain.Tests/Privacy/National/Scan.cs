using Governance.Domain.Privacy;

namespace Governance.Domain.Tests.Privacy.National;

/// <summary>Runs one recognizer over a text normalized the way the analyzer does it.</summary>
internal static class Scan
{
    public static List<PiiCandidate> Run(IPiiRecognizer recognizer, string text)
    {
        var results = new List<PiiCandidate>();
        recognizer.Analyze(NormalizedText.Create(text), results);
        return results;
    }

    /// <summary>The matched substrings of the normalized text.</summary>
    public static string[] Found(IPiiRecognizer recognizer, string text)
    {
        var normalized = NormalizedText.Create(text);
        var results = new List<PiiCandidate>();
        recognizer.Analyze(normalized, results);
        var found = new string[results.Count];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = normalized.Text[results[i].Start..results[i].End];
        }

        return found;
    }

    public static double SingleScore(IPiiRecognizer recognizer, string text) => Assert.Single(Run(recognizer, text)).Score;
}
