using System.Globalization;
using System.Text;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Entities;
using Governance.Domain.Privacy.Names;
using Governance.Domain.Privacy.National;

namespace Governance.Domain.Tests.Privacy.Evaluation;

/// <summary>The analyzer (all recognizers, default options) run over the whole evaluation set, tallied per entity type.</summary>
public sealed class EvalRun
{
    private EvalRun(IReadOnlyList<CaseResult> results) => Results = results;

    public IReadOnlyList<CaseResult> Results { get; }

    public SortedDictionary<string, Tally> All { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Tally> Evasion { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Tally> NearMissFalsePositives { get; } = new(StringComparer.Ordinal);

    public static PiiAnalyzer CreateAnalyzer() =>
        new([.. PiiRecognizers.Global, .. NationalIdRecognizers.All, DictionaryNameRecognizer.Default, GazetteerEntityRecognizer.Default], new PiiAnalyzerOptions());

    public static EvalRun Execute(IReadOnlyList<EvalCase> cases, bool skipKnownGaps = false)
    {
        var analyzer = CreateAnalyzer();
        var results = new List<CaseResult>();
        foreach (var c in cases)
        {
            if (!skipKnownGaps || c.KnownGap is null)
            {
                results.Add(CaseResult.Score(c, analyzer.Analyze(c.Text)));
            }
        }

        var run = new EvalRun(results);
        foreach (var r in results)
        {
            run.Add(r);
        }

        return run;
    }

    public int CountKind(string kind, bool passedOnly)
    {
        var n = 0;
        foreach (var r in Results)
        {
            n += r.Case.Kind == kind && (!passedOnly || r.Passed) ? 1 : 0;
        }

        return n;
    }

    /// <summary>Share of near-miss texts on which nothing at all is reported (each text is one decoy).</summary>
    public double NearMissPrecision => (double)CountKind(EvalCase.NearMiss, true) / Math.Max(1, CountKind(EvalCase.NearMiss, false));

    public Tally Total(SortedDictionary<string, Tally> slice)
    {
        var t = new Tally();
        foreach (var x in slice.Values)
        {
            t.TruePositives += x.TruePositives;
            t.FalsePositives += x.FalsePositives;
            t.FalseNegatives += x.FalseNegatives;
        }

        return t;
    }

    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"{Results.Count} texts: {CountKind(EvalCase.Positive, false)} positive, {CountKind(EvalCase.Evasion, false)} evasion, {CountKind(EvalCase.NearMiss, false)} near-miss.");
        sb.AppendLine();
        sb.AppendLine("| Entity | TP | FP | FN | Precision | Recall | Evasion TP/n | Evasion recall | FP on near-misses |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (type, t) in All)
        {
            var e = Evasion.GetValueOrDefault(type) ?? new Tally();
            var n = e.TruePositives + e.FalseNegatives;
            var nm = NearMissFalsePositives.GetValueOrDefault(type)?.FalsePositives ?? 0;
            sb.AppendLine(inv, $"| {type} | {t.TruePositives} | {t.FalsePositives} | {t.FalseNegatives} | {t.Precision:0.000} | {t.Recall:0.000} | {e.TruePositives}/{n} | {(n == 0 ? "-" : e.Recall.ToString("0.000", inv))} | {nm} |");
        }

        var all = Total(All);
        var ev = Total(Evasion);
        sb.AppendLine(inv, $"| **All** | {all.TruePositives} | {all.FalsePositives} | {all.FalseNegatives} | {all.Precision:0.000} | {all.Recall:0.000} | {ev.TruePositives}/{ev.TruePositives + ev.FalseNegatives} | {ev.Recall:0.000} | {Total(NearMissFalsePositives).FalsePositives} |");
        sb.AppendLine();
        sb.AppendLine(inv, $"Near-miss precision (near-miss texts with nothing reported): {CountKind(EvalCase.NearMiss, true)}/{CountKind(EvalCase.NearMiss, false)} = {NearMissPrecision:0.000}.");
        return sb.ToString();
    }

    private static Tally Of(SortedDictionary<string, Tally> d, string type)
    {
        if (!d.TryGetValue(type, out var t))
        {
            d[type] = t = new Tally();
        }

        return t;
    }

    private void Add(CaseResult r)
    {
        foreach (var (type, start, end) in r.Case.ExpectedSpans())
        {
            var hit = !r.Missed.Contains((type, start, end));
            Of(All, type).TruePositives += hit ? 1 : 0;
            Of(All, type).FalseNegatives += hit ? 0 : 1;
            if (r.Case.Kind == EvalCase.Evasion)
            {
                Of(Evasion, type).TruePositives += hit ? 1 : 0;
                Of(Evasion, type).FalseNegatives += hit ? 0 : 1;
            }
        }

        foreach (var e in r.Spurious)
        {
            Of(All, e.EntityType).FalsePositives++;
            if (r.Case.Kind == EvalCase.NearMiss)
            {
                Of(NearMissFalsePositives, e.EntityType).FalsePositives++;
            }
        }
    }
}
