using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Entities;
using Governance.Domain.Privacy.Names;
using Governance.Domain.Privacy.Patterns;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// The analyzer behind the Presidio surface: the engine's recognizers plus the request's ad-hoc ones,
/// with Presidio's defaults (threshold 0, context adds 0.35 and lifts to at least 0.4). The name
/// dictionary and the gazetteer recognizer keep no context words here, as Presidio's spaCy recognizer has none.
/// </summary>
internal static class PresidioRecognizers
{
    private static readonly PiiAnalyzerOptions Options = new() { DefaultThreshold = 0, MinScoreWithContext = 0.4 };

    public static PiiAnalyzer Analyzer(PiiEngine engine, IReadOnlyList<IPiiRecognizer> adHoc)
    {
        var recognizers = new List<IPiiRecognizer>(engine.Recognizers.Count + adHoc.Count);
        foreach (var r in engine.Recognizers)
        {
            recognizers.Add(r is DictionaryNameRecognizer or GazetteerEntityRecognizer ? new WithoutContext(r) : r);
        }

        recognizers.AddRange(adHoc);
        return new PiiAnalyzer(recognizers, Options);
    }

    public static PresidioRecognizerResult ToResult(PiiEntity entity, PiiAnalyzer analyzer, bool explain)
    {
        var metadata = new PresidioRecognitionMetadata(entity.Recognizer, entity.Recognizer);
        if (!explain || entity.Explanation is not { } why)
        {
            return new PresidioRecognizerResult(entity.EntityType, entity.Start, entity.End, entity.Score, null, metadata);
        }

        string? regex = null;
        foreach (var r in analyzer.Recognizers)
        {
            if (r is PatternRecognizer p && p.Name == entity.Recognizer)
            {
                regex ??= p.Patterns.FirstOrDefault(x => x.Name == why.PatternName)?.Regex;
            }
        }

        var textual = why.PatternName is null ? $"Identified as {entity.EntityType} by {entity.Recognizer}" : null;
        var explanation = new PresidioExplanation(entity.Recognizer, why.PatternName, regex, why.OriginalScore, entity.Score, textual,
            entity.Score - why.OriginalScore, why.ContextWord ?? "", ChecksumTypes.IsValidated(entity.EntityType) ? true : null);
        return new PresidioRecognizerResult(entity.EntityType, entity.Start, entity.End, entity.Score, explanation, metadata);
    }

    private sealed class WithoutContext(IPiiRecognizer inner) : IPiiRecognizer
    {
        public string Name => inner.Name;

        public IReadOnlyList<string> EntityTypes => inner.EntityTypes;

        public IReadOnlyList<string> ContextWords => [];

        public void Analyze(NormalizedText text, List<PiiCandidate> results) => inner.Analyze(text, results);
    }
}
