namespace Governance.Domain.Privacy;

/// <summary>
/// Keeps one result per region of text: the higher score wins, then the longer span, then the earlier
/// one; what is kept comes back sorted by start.
/// </summary>
internal static class OverlapResolver
{
    private static readonly Comparison<PiiCandidate> ByStrength = (a, b) =>
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byLength = (b.End - b.Start).CompareTo(a.End - a.Start);
        return byLength != 0 ? byLength : a.Start.CompareTo(b.Start);
    };

    private static readonly Comparison<PiiCandidate> ByStart = (a, b) => a.Start.CompareTo(b.Start);

    public static List<PiiCandidate> Resolve(List<PiiCandidate> candidates)
    {
        if (candidates.Count <= 1)
        {
            return candidates;
        }

        candidates.Sort(ByStrength);
        var kept = new List<PiiCandidate>(candidates.Count);
        foreach (var c in candidates)
        {
            if (!OverlapsAny(kept, c))
            {
                kept.Add(c);
            }
        }

        kept.Sort(ByStart);
        return kept;
    }

    private static bool OverlapsAny(List<PiiCandidate> kept, PiiCandidate c)
    {
        foreach (var k in kept)
        {
            if (c.Start < k.End && k.Start < c.End)
            {
                return true;
            }
        }

        return false;
    }
}
