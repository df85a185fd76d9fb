using System.Text.RegularExpressions;

namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// Presidio's PatternRecognizer: several named regexes for one entity type, each with its own score,
/// context words, and an optional validator. Matching is case-insensitive as Presidio's (its default
/// flags are IGNORECASE | MULTILINE | DOTALL). Built-in patterns are ours and run on the backtracking
/// engine (none has nested quantifiers); caller-supplied ones run on the linear-time engine.
/// </summary>
public sealed class PatternRecognizer : IPiiRecognizer
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);
    private readonly (RecognizerPattern Pattern, Regex Regex)[] _patterns;
    private readonly string[] _entityTypes;
    private readonly MatchValidator? _validator;
    private readonly MatchVerifier? _verifier;
    private readonly double _verifiedScore;

    public PatternRecognizer(string name, string entityType, IReadOnlyList<RecognizerPattern> patterns,
        IReadOnlyList<string> contextWords, MatchValidator? validator = null, bool untrusted = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(contextWords);
        Name = name;
        _entityTypes = [entityType];
        ContextWords = [.. contextWords];
        Patterns = [.. patterns];
        _validator = validator;
        var options = RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant
            | (untrusted ? RegexOptions.NonBacktracking : RegexOptions.Compiled);
        _patterns = new (RecognizerPattern, Regex)[patterns.Count];
        for (var i = 0; i < patterns.Count; i++)
        {
            // Built-in patterns get no timeout: a match that timed out would be a finding silently dropped, and a
            // slow first match (the compiled regex being jitted on a loaded machine) is not a runaway one.
            _patterns[i] = (patterns[i], new Regex(patterns[i].Guard + patterns[i].Regex, options, untrusted ? MatchTimeout : Regex.InfiniteMatchTimeout));
        }
    }

    /// <summary>A recognizer whose check can raise a match to <paramref name="verifiedScore"/> (Presidio's 1.0 after a passing validation).</summary>
    public PatternRecognizer(string name, string entityType, IReadOnlyList<RecognizerPattern> patterns,
        IReadOnlyList<string> contextWords, MatchVerifier verifier, double verifiedScore)
        : this(name, entityType, patterns, contextWords)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        _verifier = verifier;
        _verifiedScore = verifiedScore;
    }

    public string Name { get; }

    public IReadOnlyList<string> EntityTypes => _entityTypes;

    public IReadOnlyList<string> ContextWords { get; }

    public IReadOnlyList<RecognizerPattern> Patterns { get; }

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        foreach (var (pattern, regex) in _patterns)
        {
            try
            {
                foreach (var match in regex.EnumerateMatches(s))
                {
                    var value = s.Slice(match.Index, match.Length);
                    if (match.Length == 0 || (_validator is not null && !_validator(value)))
                    {
                        continue;
                    }

                    var verdict = _verifier?.Invoke(value) ?? MatchVerdict.Unchecked;
                    if (verdict != MatchVerdict.Refused)
                    {
                        var score = verdict == MatchVerdict.Passed ? _verifiedScore : pattern.Score;
                        results.Add(new PiiCandidate(_entityTypes[0], match.Index, match.Index + match.Length, score, Name, pattern.Name));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Only a caller's pattern on the linear engine could get here; its matches so far stand.
            }
        }
    }
}
