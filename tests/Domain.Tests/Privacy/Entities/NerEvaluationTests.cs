using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Entities;
using Governance.Domain.Privacy.Names;
using Governance.Domain.Privacy.National;
using Governance.Domain.Tests.Privacy.Evaluation;
using Xunit.Abstractions;

namespace Governance.Domain.Tests.Privacy.Entities;

/// <summary>
/// Issue 16's figure for PERSON, LOCATION, NRP and ORGANIZATION: the default analyzer (as PiiEngine builds
/// it) over the dev set it was tuned on and the held-out sets. Writes var/ner-accuracy-{set}.md.
/// </summary>
public sealed class NerEvaluationTests(ITestOutputHelper output)
{
    private static readonly PiiAnalyzer Analyzer =
        new([.. PiiRecognizers.Global, .. NationalIdRecognizers.All, DictionaryNameRecognizer.Default, GazetteerEntityRecognizer.Default], new PiiAnalyzerOptions());

    /// <summary>
    /// Issue 16's goals: recall at least 0.85 on PERSON and LOCATION, precision at least 0.95 on all four.
    /// "dev" was tuned on; "heldout" was seen once (its first-run figure is in bench/PiiAccuracy.md).
    /// </summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("heldout")]
    public void NerEvaluation_MeetsTheGoals(string set)
    {
        var score = Report(set);
        Assert.All(NerScore.Types, t => Assert.True(score.Precision(t) >= 0.95, $"{set}: {t} precision {score.Precision(t):F3}"));
        Assert.True(score.Recall("PERSON") >= 0.85, $"{set}: PERSON recall {score.Recall("PERSON"):F3}");
        Assert.True(score.Recall("LOCATION") >= 0.85, $"{set}: LOCATION recall {score.Recall("LOCATION"):F3}");
    }

    /// <summary>
    /// The set never tuned on: the recall goals hold, precision is held at the 0.93 it measured (LOCATION
    /// 0.931, under the 0.95 goal: bench/PiiAccuracy.md lists the misses), so a change that loses more fails.
    /// </summary>
    [Fact]
    public void NerEvaluation_NeverTunedSet_HoldsItsFigures()
    {
        var score = Report("heldout2");
        Assert.All(NerScore.Types, t => Assert.True(score.Precision(t) >= 0.93, $"{t} precision {score.Precision(t):F3}"));
        Assert.True(score.Recall("PERSON") >= 0.85, $"PERSON recall {score.Recall("PERSON"):F3}");
        Assert.True(score.Recall("LOCATION") >= 0.85, $"LOCATION recall {score.Recall("LOCATION"):F3}");
    }

    private NerScore Report(string set)
    {
        Assert.Empty(DebianGazetteer.Default.Missing);
        var cases = NerCase.Load(set);
        var score = NerScore.Run(Analyzer, cases);
        var table = score.Table();
        output.WriteLine(table);
        output.WriteLine(string.Join("\n", score.Errors));
        var dir = Path.Combine(EvalCase.RepoRoot, "var");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, $"ner-accuracy-{set}.md"),
            $"{cases.Count} sentences of ner-{set}.jsonl\n\n{table}\n" + string.Join("\n", score.Errors.Select(e => "- " + e)) + "\n");
        return score;
    }
}
