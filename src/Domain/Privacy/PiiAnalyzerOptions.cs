namespace Governance.Domain.Privacy;

/// <summary>How the analyzer weighs context and what score a result needs to be reported.</summary>
public sealed record PiiAnalyzerOptions
{
    /// <summary>How many normalized characters before and after a match are searched for context words.</summary>
    public int ContextWindow { get; init; } = 40;

    /// <summary>Added to a match's score when a context word is near it (the sum is capped at 1.0).</summary>
    public double ContextBoost { get; init; } = 0.35;

    /// <summary>
    /// The least score a match raised by context ends with (Presidio's min_score_with_context_similarity,
    /// 0.4 there); 0 keeps the plain sum.
    /// </summary>
    public double MinScoreWithContext { get; init; }

    /// <summary>The minimum score reported when a request names none.</summary>
    public double DefaultThreshold { get; init; } = 0.5;
}

/// <summary>
/// One analysis beyond the defaults: the entity types wanted (null: all), the threshold (null: the
/// analyzer's default), words the caller says surround the text (Presidio's request context, matched
/// as substrings as Presidio does), and whether to explain each score.
/// </summary>
public sealed record PiiAnalysisRequest
{
    public IReadOnlyCollection<string>? Entities { get; init; }

    public double? ScoreThreshold { get; init; }

    public IReadOnlyList<string> Context { get; init; } = [];

    public bool Explain { get; init; }
}
