using System.Buffers;

namespace Governance.Domain.Privacy.Names;

/// <summary>
/// PERSON from a deny-list of first names and surnames, matched as whole words in any case. Adjacent
/// listed words ("John Smith") form one span with a higher score. Words are looked up as spans in a
/// case-insensitive set, so scanning allocates nothing.
/// </summary>
public sealed class DictionaryNameRecognizer : IPiiRecognizer
{
    private const int MaxWordsPerName = 3;
    private static readonly SearchValues<char> AsciiNonLetters = CreateAsciiNonLetters();
    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly string[] Types = ["PERSON"];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly NameFilter _filter = new();
    private readonly double _score;
    private readonly double _pairScore;

    public DictionaryNameRecognizer(IEnumerable<string> names, double score = 0.6, double pairScore = 0.85)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(pairScore, score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pairScore, 1.0);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var trimmed = name?.Trim();
            if (!string.IsNullOrEmpty(trimmed))
            {
                set.Add(trimmed.ToLowerInvariant());
                _filter.Add(trimmed);
            }
        }

        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        _score = score;
        _pairScore = pairScore;
    }

    /// <summary>A recognizer over <see cref="DefaultNames.All"/>, common English first names and surnames.</summary>
    public static DictionaryNameRecognizer Default { get; } = new(DefaultNames.All);

    public string Name => nameof(DictionaryNameRecognizer);

    public IReadOnlyList<string> EntityTypes => Types;

    public IReadOnlyList<string> ContextWords { get; } = ["name", "mr", "mrs", "ms", "dr", "patient", "customer", "dear", "signed"];

    public int Count => _lookup.Set.Count;

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        var i = 0;
        while (NextWord(s, ref i, out var start, out var end))
        {
            end = WithoutPossessive(s, start, end);
            if (!IsListed(s[start..end]))
            {
                continue;
            }

            // Join following listed words separated by one space: "Mary Ann Smith".
            var words = 1;
            var next = end;
            while (words < MaxWordsPerName && next < s.Length && s[next] == ' '
                && NextWord(s, ref next, out var nextStart, out var nextEnd) && nextStart == end + 1
                && IsListed(s[nextStart..(nextEnd = WithoutPossessive(s, nextStart, nextEnd))]))
            {
                end = nextEnd;
                words++;
            }

            var score = words > 1 ? _pairScore : _score;
            // An uncapitalized lone word ("bill", "grant") is more often a common noun than a name.
            if (words == 1 && !char.IsUpper(s[start]))
            {
                score /= 2;
            }

            results.Add(new PiiCandidate("PERSON", start, end, score, Name));
            i = end;
        }
    }

    // "Smith's" is Smith: the possessive is not part of the name (Presidio's spaCy model ends the span there too).
    private static int WithoutPossessive(ReadOnlySpan<char> s, int start, int end) =>
        end - start > 3 && (s[end - 1] | 0x20) == 's' && s[end - 2] is '\'' or '\u2019' ? end - 2 : end;

    private bool IsListed(ReadOnlySpan<char> word) => _filter.MayContain(word) && _lookup.Contains(word);

    private static SearchValues<char> CreateAsciiNonLetters()
    {
        var chars = new List<char>(128);
        for (var c = '\0'; c < '\u0080'; c++)
        {
            if (!char.IsAsciiLetter(c))
            {
                chars.Add(c);
            }
        }

        return SearchValues.Create([.. chars]);
    }

    /// <summary>
    /// The next word at or after <paramref name="i"/>: letters, with single apostrophes or hyphens
    /// inside ("O'Brien", "Smith-Jones"); a word glued to digits or '_' is skipped.
    /// </summary>
    private static bool NextWord(ReadOnlySpan<char> s, ref int i, out int start, out int end)
    {
        while (i < s.Length)
        {
            // Vectorized jump over ASCII non-letters (spaces, punctuation, digits); the rest is judged one by one.
            var skip = s[i..].IndexOfAnyExcept(AsciiNonLetters);
            i = skip < 0 ? s.Length : i + skip;
            while (i < s.Length && !char.IsLetter(s[i]))
            {
                i++;
            }

            start = i;
            while (i < s.Length && (char.IsLetter(s[i]) || (s[i] is '\'' or '-' && i + 1 < s.Length && char.IsLetter(s[i + 1]) && i > start)))
            {
                var run = s[(i + 1)..].IndexOfAnyExcept(AsciiLetters);
                i = run < 0 ? s.Length : i + 1 + run;
            }

            end = i;
            var glued = (start > 0 && (char.IsDigit(s[start - 1]) || s[start - 1] == '_'))
                || (end < s.Length && (char.IsDigit(s[end]) || s[end] == '_'));
            if (end > start && !glued)
            {
                return true;
            }
        }

        start = end = i;
        return false;
    }
}
