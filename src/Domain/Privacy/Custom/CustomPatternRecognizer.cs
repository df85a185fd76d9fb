using System.Text.RegularExpressions;

namespace Governance.Domain.Privacy.Custom;

/// <summary>
/// A tenant-defined regex recognizer. Patterns run on .NET's NonBacktracking engine, whose time is
/// linear in the input whatever the pattern, so no tenant can stall the analyzer with a catastrophic
/// pattern; a match timeout stays as a second guard.
/// </summary>
public sealed class CustomPatternRecognizer : IPiiRecognizer
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);
    private readonly Regex _regex;
    private readonly string[] _entityTypes;
    private readonly string? _validator;
    private readonly double _score;

    private CustomPatternRecognizer(CustomRecognizerDefinition definition, Regex regex)
    {
        _regex = regex;
        _entityTypes = [definition.EntityType];
        _validator = definition.Validator;
        _score = definition.Score;
        Name = definition.Name;
        ContextWords = [.. definition.ContextWords ?? []];
    }

    public string Name { get; }

    public IReadOnlyList<string> EntityTypes => _entityTypes;

    public IReadOnlyList<string> ContextWords { get; }

    /// <summary>Validates the definition and compiles its pattern; throws <see cref="ArgumentException"/> naming the definition when it is unusable.</summary>
    public static CustomPatternRecognizer Create(CustomRecognizerDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var name = definition.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A custom recognizer needs a name.", nameof(definition));
        }

        if (!IsValidEntityType(definition.EntityType))
        {
            throw Invalid(name, $"entity type '{definition.EntityType}' must match ^[A-Z][A-Z0-9_]{{1,63}}$");
        }

        if (!(definition.Score > 0 && definition.Score <= 1))
        {
            throw Invalid(name, $"score {definition.Score} must be in (0, 1]");
        }

        if (!CustomValidators.IsKnown(definition.Validator))
        {
            throw Invalid(name, $"validator '{definition.Validator}' is not one of luhn, mod97");
        }

        if (string.IsNullOrEmpty(definition.Pattern))
        {
            throw Invalid(name, "the pattern is empty");
        }

        return new CustomPatternRecognizer(definition, Compile(name, definition.Pattern));
    }

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        try
        {
            foreach (var match in _regex.EnumerateMatches(s))
            {
                if (match.Length > 0 && CustomValidators.Validate(_validator, s.Slice(match.Index, match.Length)))
                {
                    results.Add(new PiiCandidate(_entityTypes[0], match.Index, match.Index + match.Length, _score, Name));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Unreachable in practice on NonBacktracking; if it ever fires, the matches found so far
            // stand and the analyzer's built-in recognizers still ran.
        }
    }

    private static Regex Compile(string name, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (NotSupportedException e)
        {
            throw Invalid(name, $"the pattern uses a construct the linear-time engine cannot run (backreferences, lookarounds, atomic groups, conditionals): {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw Invalid(name, $"the pattern does not compile: {e.Message}", e);
        }
    }

    private static ArgumentException Invalid(string name, string reason, Exception? inner = null) =>
        new($"Custom recognizer '{name}': {reason}.", "definition", inner);

    /// <summary>True for entity types of the form ^[A-Z][A-Z0-9_]{1,63}$, like Presidio's.</summary>
    public static bool IsValidEntityType(string? entityType)
    {
        if (entityType is null || entityType.Length is < 2 or > 64 || !char.IsAsciiLetterUpper(entityType[0]))
        {
            return false;
        }

        foreach (var c in entityType)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
