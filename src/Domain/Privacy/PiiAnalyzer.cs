namespace Governance.Domain.Privacy;

/// <summary>
/// Runs recognizers over one normalized copy of a text, raises scores near context words, applies the
/// threshold, keeps one result per region (higher score, then longer span) and returns spans of the
/// ORIGINAL text, sorted by start. Thread-safe.
/// </summary>
public sealed class PiiAnalyzer(IEnumerable<IPiiRecognizer> recognizers, PiiAnalyzerOptions options)
{
    private readonly IPiiRecognizer[] _recognizers = [.. recognizers];
    private readonly PiiAnalyzerOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    public IReadOnlyList<IPiiRecognizer> Recognizers => _recognizers;

    public IReadOnlyList<PiiEntity> Analyze(string text, IReadOnlyCollection<string>? entities = null, double? scoreThreshold = null) =>
        Analyze(text, new PiiAnalysisRequest { Entities = entities, ScoreThreshold = scoreThreshold });

    public IReadOnlyList<PiiEntity> Analyze(string text, PiiAnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(request);
        var entities = request.Entities;
        var threshold = request.ScoreThreshold ?? _options.DefaultThreshold;
        var normalized = NormalizedText.Create(text);
        var candidates = new List<PiiCandidate>();
        foreach (var recognizer in _recognizers)
        {
            if (entities is not null && !AnyWanted(recognizer.EntityTypes, entities))
            {
                continue;
            }

            var first = candidates.Count;
            recognizer.Analyze(normalized, candidates);
            // Only recognizers whose every value carries a checksum read look-alike letters as digits.
            if (normalized.DigitReading is { } reading && recognizer.EntityTypes.Count > 0 && recognizer.EntityTypes.All(ChecksumTypes.IsValidated))
            {
                AnalyzeReading(recognizer, normalized.Text, reading, candidates);
            }

            Refine(normalized.Text, candidates, first, recognizer.ContextWords, request, threshold);
        }

        var kept = OverlapResolver.Resolve(candidates);
        var result = new PiiEntity[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var c = kept[i];
            var (start, end) = normalized.ToOriginal(c.Start, c.End);
            // An explained score is Presidio's float as it was computed (0.3 + 0.35 is 0.6499999999999999).
            result[i] = request.Explain
                ? new PiiEntity(c.EntityType, start, end, c.Score, c.Recognizer)
                {
                    Explanation = new PiiExplanation(c.OriginalScore ?? c.Score, c.PatternName, c.ContextWord),
                }
                : new PiiEntity(c.EntityType, start, end, Math.Round(c.Score, 4), c.Recognizer);
        }

        return result;
    }

    /// <summary>Adds what the recognizer finds in the look-alike reading that covers a letter read as a digit.</summary>
    private static void AnalyzeReading(IPiiRecognizer recognizer, string text, NormalizedText reading, List<PiiCandidate> candidates)
    {
        var first = candidates.Count;
        recognizer.Analyze(reading, candidates);
        var write = first;
        for (var i = first; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var inRange = c.Start >= 0 && c.End <= text.Length && c.Start < c.End;
            if (inRange && !text.AsSpan(c.Start, c.End - c.Start).SequenceEqual(reading.Text.AsSpan(c.Start, c.End - c.Start)))
            {
                candidates[write++] = c;
            }
        }

        candidates.RemoveRange(write, candidates.Count - write);
    }

    /// <summary>Boosts the new candidates by context, then drops the unwanted and those under the threshold.</summary>
    private void Refine(string text, List<PiiCandidate> candidates, int first, IReadOnlyList<string> contextWords,
        PiiAnalysisRequest request, double threshold)
    {
        var entities = request.Entities;
        var write = first;
        for (var i = first; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Start < 0 || c.End > text.Length || c.Start >= c.End
                || (entities is not null && !Contains(entities, c.EntityType)))
            {
                continue;
            }

            if (c.Score < 1.0
                && ContextFinder.Find(text, c.Start, c.End, contextWords, _options.ContextWindow, request.Context) is { } word)
            {
                var raised = Math.Min(1.0, Math.Max(c.Score + _options.ContextBoost, _options.MinScoreWithContext));
                c = c with { Score = raised, OriginalScore = c.Score, ContextWord = word };
            }

            if (c.Score >= threshold)
            {
                candidates[write++] = c;
            }
        }

        candidates.RemoveRange(write, candidates.Count - write);
    }

    private static bool AnyWanted(IReadOnlyList<string> types, IReadOnlyCollection<string> entities)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (Contains(entities, types[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyCollection<string> entities, string type)
    {
        if (entities is ICollection<string> collection)
        {
            return collection.Contains(type);
        }

        foreach (var e in entities)
        {
            if (string.Equals(e, type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
