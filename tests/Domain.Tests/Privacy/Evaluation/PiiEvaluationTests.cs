using Xunit.Abstractions;

namespace Governance.Domain.Tests.Privacy.Evaluation;

/// <summary>
/// Issue 5's accuracy figure: the analyzer over pii-eval.jsonl. Cases marked known_gap are real misses
/// of the engine, kept in the data and reported, but left out of the hard goals until the engine is fixed.
/// </summary>
public sealed class PiiEvaluationTests(ITestOutputHelper output)
{
    private static readonly string[] ChecksumTypes =
    [
        "CREDIT_CARD", "IBAN_CODE", "CRYPTO", "US_SSN", "UK_NHS", "DE_TAX_ID", "ES_NIF", "ES_NIE", "IN_AADHAAR", "IT_FISCAL_CODE", "ABA_ROUTING_NUMBER",
    ];

    private static readonly string[] AllTypes =
    [
        .. ChecksumTypes, "EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS", "URL", "MAC_ADDRESS", "DATE_TIME", "US_ITIN", "UK_NINO", "PERSON",
    ];

    private static readonly Lazy<IReadOnlyList<EvalCase>> Cases = new(EvalCase.LoadAll);

    [Fact]
    public void PiiEvaluation_DataSet_CoversEveryEntityTypeWithAllThreeKinds()
    {
        Assert.True(Cases.Value.Count >= 300, $"only {Cases.Value.Count} cases");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Cases.Value)
        {
            Assert.True(ids.Add(c.Id), "duplicate id " + c.Id);
            Assert.Contains(c.Kind, new[] { EvalCase.Positive, EvalCase.NearMiss, EvalCase.Evasion });
            Assert.Equal(c.Kind == EvalCase.NearMiss, c.Entities.Count == 0);
            _ = c.ExpectedSpans().Count();
            seen.Add(c.Type + "/" + c.Kind);
        }

        foreach (var type in AllTypes)
        {
            Assert.Contains(type + "/" + EvalCase.Positive, seen);
            Assert.Contains(type + "/" + EvalCase.NearMiss, seen);
        }

        foreach (var type in ChecksumTypes)
        {
            Assert.Contains(type + "/" + EvalCase.Evasion, seen);
        }
    }

    [Fact]
    public void PiiEvaluation_ChecksumTypes_HaveFullRecallIncludingEvasions()
    {
        var run = EvalRun.Execute(Cases.Value, skipKnownGaps: true);
        var failures = new List<string>();
        foreach (var r in run.Results)
        {
            foreach (var (type, _, _) in r.Missed)
            {
                if (Array.IndexOf(ChecksumTypes, type) >= 0)
                {
                    failures.Add(r.Describe());
                }
            }
        }

        Assert.True(failures.Count == 0, "missed checksum-validated values:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void PiiEvaluation_NearMisses_PrecisionAtLeast098()
    {
        var run = EvalRun.Execute(Cases.Value, skipKnownGaps: true);
        var failures = new List<string>();
        foreach (var r in run.Results)
        {
            if (r.Case.Kind == EvalCase.NearMiss && !r.Passed)
            {
                failures.Add(r.Describe());
            }
        }

        Assert.True(run.NearMissPrecision >= 0.98, $"near-miss precision {run.NearMissPrecision:0.000}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void PiiEvaluation_WritesTheAccuracyTable()
    {
        var run = EvalRun.Execute(Cases.Value);
        var report = new System.Text.StringBuilder(run.ToMarkdown());
        report.AppendLine().AppendLine("Known gaps (kept in the data, excluded from the hard goals):").AppendLine();
        var gaps = 0;
        foreach (var r in run.Results)
        {
            if (r.Case.KnownGap is not null)
            {
                gaps++;
                report.AppendLine("- `" + r.Case.Id + "` " + r.Case.KnownGap + (r.Passed ? " (now passes: remove the mark)" : string.Empty));
            }
        }

        if (gaps == 0)
        {
            report.AppendLine("- none");
        }

        report.AppendLine().AppendLine("All cases that did not come out exactly as labelled:").AppendLine();
        var wrong = 0;
        foreach (var r in run.Results)
        {
            if (!r.Passed)
            {
                wrong++;
                report.AppendLine("- " + r.Describe().Replace("|", "\\|", StringComparison.Ordinal));
            }
        }

        if (wrong == 0)
        {
            report.AppendLine("- none");
        }

        var markdown = report.ToString();
        output.WriteLine(markdown);
        var dir = Path.Combine(EvalCase.RepoRoot, "var");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "pii-accuracy.md"), markdown);
        Assert.NotEmpty(run.All);
    }
}
