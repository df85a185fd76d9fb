namespace Governance.Domain.Privacy;

/// <summary>
/// Keeps one result per region of text: the higher score wins, then the longer span, then the earlier
/// one; what is kept comes back sorted by start. Where a checksum-validated type claims a span and another
/// type claims the same span or a part of it ("800 961 6893": a valid NHS number and a well-formed US
/// phone number), the checksum decides, whatever the scores: a format match is what one in ten random
/// numbers pass, a valid check digit is evidence.
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

    // Drops every candidate of a non-checksum type that lies within the span of a checksum-validated one
    // (the same span, or a part: the phone-shaped "0836 8960" inside the Aadhaar "3108 0836 8960").
    // One sweep by start, validated first on ties, keeping the furthest end of the validated seen so far.
    private static void DropLookAlikesOfValidated(List<PiiCandidate> candidates)
    {
        candidates.Sort(ByStartValidatedFirst);
        var write = 0;
        var validatedEnd = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (ChecksumTypes.IsValidated(c.EntityType))
            {
                validatedEnd = Math.Max(validatedEnd, c.End);
                candidates[write++] = c;
            }
            else if (c.End > validatedEnd)
            {
                candidates[write++] = c;
            }
        }

        candidates.RemoveRange(write, candidates.Count - write);
    }

    private static readonly Comparison<PiiCandidate> ByStartValidatedFirst = (a, b) =>
    {
        var byStart = a.Start.CompareTo(b.Start);
        return byStart != 0 ? byStart : ChecksumTypes.IsValidated(b.EntityType).CompareTo(ChecksumTypes.IsValidated(a.EntityType));
    };

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
