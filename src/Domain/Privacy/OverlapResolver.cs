namespace Governance.Domain.Privacy;

/// <summary>
/// Keeps one result per region of text: the higher score wins, then the longer span, then the earlier
/// one; what is kept comes back sorted by start. Where a checksum-validated type and another type claim
/// the very same span ("800 961 6893": a valid NHS number and a well-formed US phone number), the
/// checksum decides, whatever the scores: a format match is what one in ten random numbers pass, a
/// valid check digit is evidence.
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

        DropLookAlikesOfValidated(candidates);
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

    private static readonly Comparison<PiiCandidate> BySpan = (a, b) =>
    {
        var byStart = a.Start.CompareTo(b.Start);
        return byStart != 0 ? byStart : a.End.CompareTo(b.End);
    };

    private static void DropLookAlikesOfValidated(List<PiiCandidate> candidates)
    {
        candidates.Sort(BySpan);
        var write = 0;
        for (var i = 0; i < candidates.Count;)
        {
            var j = i;
            var anyValidated = false;
            while (j < candidates.Count && candidates[j].Start == candidates[i].Start && candidates[j].End == candidates[i].End)
            {
                anyValidated |= ChecksumTypes.IsValidated(candidates[j].EntityType);
                j++;
            }

            for (var k = i; k < j; k++)
            {
                if (!anyValidated || ChecksumTypes.IsValidated(candidates[k].EntityType))
                {
                    candidates[write++] = candidates[k];
                }
            }

            i = j;
        }

        candidates.RemoveRange(write, candidates.Count - write);
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
