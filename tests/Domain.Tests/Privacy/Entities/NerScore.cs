using System.Globalization;
using System.Text;
using Governance.Domain.Privacy;

namespace Governance.Domain.Tests.Privacy.Entities;

/// <summary>Per-entity precision and recall of an analyzer over a <see cref="NerCase"/> set, exact spans.</summary>
public sealed class NerScore
{
    public static readonly string[] Types = ["PERSON", "LOCATION", "NRP", "ORGANIZATION"];

    private readonly Dictionary<string, (int Tp, int Fp, int Fn)> _counts = Types.ToDictionary(t => t, _ => (0, 0, 0));

    public List<string> Errors { get; } = [];

    public static NerScore Run(PiiAnalyzer analyzer, IReadOnlyList<NerCase> cases)
    {
        var score = new NerScore();
        foreach (var c in cases)
        {
            var found = analyzer.Analyze(c.Text, Types)
                .Select(e => (e.EntityType, e.Start, End: NerCase.TrimDot(c.Text, e.Start, e.End)))
                .ToHashSet();
            var expected = c.Spans.ToHashSet();
            foreach (var f in found)
            {
                score.Count(f.EntityType, expected.Contains(f) ? 1 : 0, expected.Contains(f) ? 0 : 1, 0);
                if (!expected.Contains(f))
                {
                    score.Errors.Add($"{c.Id} FP {f.EntityType} '{c.Text[f.Start..f.End]}'");
                }
            }

            foreach (var e in expected.Where(e => !found.Contains(e)))
            {
                score.Count(e.Type, 0, 0, 1);
                score.Errors.Add($"{c.Id} FN {e.Type} '{c.Text[e.Start..e.End]}'");
            }
        }

        return score;
    }

    public double Precision(string type) => _counts[type] is var (tp, fp, _) && tp + fp > 0 ? (double)tp / (tp + fp) : 1.0;

    public double Recall(string type) => _counts[type] is var (tp, _, fn) && tp + fn > 0 ? (double)tp / (tp + fn) : 1.0;

    public string Table()
    {
        var sb = new StringBuilder("| Entity | TP | FP | FN | Precision | Recall |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var t in Types)
        {
            var (tp, fp, fn) = _counts[t];
            sb.Append(CultureInfo.InvariantCulture, $"| {t} | {tp} | {fp} | {fn} | {Precision(t):F3} | {Recall(t):F3} |\n");
        }

        return sb.ToString();
    }

    private void Count(string type, int tp, int fp, int fn)
    {
        var (a, b, c) = _counts[type];
        _counts[type] = (a + tp, b + fp, c + fn);
    }
}
