namespace Governance.Domain.Privacy;

/// <summary>How the analyzer weighs context and what score a result needs to be reported.</summary>
public sealed record PiiAnalyzerOptions
{
    /// <summary>How many normalized characters before and after a match are searched for context words.</summary>
    public int ContextWindow { get; init; } = 40;

    /// <summary>Added to a match's score when a context word is near it (the sum is capped at 1.0).</summary>
    public double ContextBoost { get; init; } = 0.35;

    /// <summary>The minimum score reported when a request names none.</summary>
    public double DefaultThreshold { get; init; } = 0.5;
}
