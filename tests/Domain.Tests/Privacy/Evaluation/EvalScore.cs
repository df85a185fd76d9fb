using Governance.Domain.Privacy;

namespace Governance.Domain.Tests.Privacy.Evaluation;

/// <summary>True/false positives and misses for one slice (an entity type, a kind, or everything).</summary>
public sealed class Tally
{
    public int TruePositives { get; set; }

    public int FalsePositives { get; set; }

    public int FalseNegatives { get; set; }

    /// <summary>1.0 when nothing was reported: no report cannot be a wrong report.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>What the analyzer got right and wrong on one case; a match is the same type and the same original span.</summary>
public sealed record CaseResult(EvalCase Case, IReadOnlyList<(string Type, int Start, int End)> Missed, IReadOnlyList<PiiEntity> Spurious, int Hits)
{
    public bool Passed => Missed.Count == 0 && Spurious.Count == 0;

    public static CaseResult Score(EvalCase c, IReadOnlyList<PiiEntity> found)
    {
        var missed = new List<(string, int, int)>();
        var matched = new bool[found.Count];
        var hits = 0;
        foreach (var (type, start, end) in c.ExpectedSpans())
        {
            var index = -1;
            for (var i = 0; i < found.Count && index < 0; i++)
            {
                if (!matched[i] && found[i].EntityType == type && found[i].Start == start && found[i].End == end)
                {
                    index = i;
                }
            }

            if (index < 0)
            {
                missed.Add((type, start, end));
            }
            else
            {
                matched[index] = true;
                hits++;
            }
        }

        var spurious = new List<PiiEntity>();
        for (var i = 0; i < found.Count; i++)
        {
            if (!matched[i])
            {
                spurious.Add(found[i]);
            }
        }

        return new CaseResult(c, missed, spurious, hits);
    }

    public string Describe()
    {
        var parts = new List<string>();
        foreach (var (type, start, end) in Missed)
        {
            parts.Add($"missed {type} '{Case.Text[start..end]}'");
        }

        foreach (var e in Spurious)
        {
            parts.Add($"spurious {e.EntityType} '{Case.Text[e.Start..e.End]}' ({e.Score})");
        }

        return $"{Case.Id} [{Case.Note ?? Case.Kind}]: {string.Join("; ", parts)} | {Case.Text}";
    }
}
