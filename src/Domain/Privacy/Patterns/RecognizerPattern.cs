namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// One of a pattern recognizer's regexes, with Presidio's name for it and the score a match gets.
/// <see cref="Guard"/>, when set, is a zero-width lookahead run before <see cref="Regex"/> to refuse most
/// positions fast; the regex reported (Presidio's analysis_explanation) stays Presidio's own.
/// </summary>
public sealed record RecognizerPattern(string Name, string Regex, double Score)
{
    public string? Guard { get; init; }
}

/// <summary>Checks a regex match further (a check digit, say); a match it refuses is not reported.</summary>
public delegate bool MatchValidator(ReadOnlySpan<char> match);

/// <summary>What a check says about a match: refused (not reported), passed (reported with the recognizer's verified score), or unchecked (the pattern's own score).</summary>
public enum MatchVerdict
{
    Refused,
    Unchecked,
    Passed,
}

/// <summary>
/// Presidio's three-valued validate_result: a passing check raises the match to the recognizer's verified
/// score, a failing one drops it, and a format the check does not cover keeps the pattern's score.
/// </summary>
public delegate MatchVerdict MatchVerifier(ReadOnlySpan<char> match);
