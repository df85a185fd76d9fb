namespace Governance.Domain.Privacy.Patterns;

/// <summary>One of a pattern recognizer's regexes, with Presidio's name for it and the score a match gets.</summary>
public sealed record RecognizerPattern(string Name, string Regex, double Score);

/// <summary>Checks a regex match further (a check digit, say); a match it refuses is not reported.</summary>
public delegate bool MatchValidator(ReadOnlySpan<char> match);
