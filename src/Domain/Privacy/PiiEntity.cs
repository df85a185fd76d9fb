namespace Governance.Domain.Privacy;

/// <summary>
/// A piece of personal data found in a text: its Presidio entity type (e.g. "CREDIT_CARD"), its span
/// in the ORIGINAL text in UTF-16 code units (<see cref="Start"/> inclusive, <see cref="End"/>
/// exclusive), the confidence and the recognizer that found it.
/// </summary>
public sealed record PiiEntity(string EntityType, int Start, int End, double Score, string Recognizer)
{
    public int Length => End - Start;

    /// <summary>Why the score is what it is; only set when the caller asked for an explanation.</summary>
    public PiiExplanation? Explanation { get; init; }
}

/// <summary>
/// How a score came about (Presidio's analysis_explanation): the recognizer's own score, the pattern
/// that matched and the context word that raised it, if any.
/// </summary>
public sealed record PiiExplanation(double OriginalScore, string? PatternName, string? ContextWord);

/// <summary>
/// What a recognizer reports, in the coordinates of the NORMALIZED text it was given; the analyzer maps
/// it back to the original and applies context and threshold. <see cref="PatternName"/> names the
/// pattern that matched, for recognizers with several.
/// </summary>
public readonly record struct PiiCandidate(string EntityType, int Start, int End, double Score, string Recognizer, string? PatternName = null)
{
    /// <summary>The score before context raised it; null when context did not.</summary>
    public double? OriginalScore { get; init; }

    public string? ContextWord { get; init; }
}
