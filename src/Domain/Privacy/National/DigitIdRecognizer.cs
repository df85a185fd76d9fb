using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.National;

/// <summary>
/// Shared scan for identifiers made of a fixed number of digits, written whole or in groups: the
/// derived recognizer only judges one candidate (its shape and check digits) and gives its score.
/// </summary>
public abstract class DigitIdRecognizer : IPiiRecognizer
{
    /// <summary>Taken off the score of a window cut out of a longer run.</summary>
    public const double CutFromRunPenalty = 0.3;

    private readonly string[] _entityTypes;

    protected DigitIdRecognizer(string entityType, int digitCount, string[] contextWords)
    {
        EntityType = entityType;
        DigitCount = digitCount;
        _entityTypes = [entityType];
        ContextWords = contextWords;
    }

    public string EntityType { get; }

    public int DigitCount { get; }

    public string Name => GetType().Name;

    public IReadOnlyList<string> EntityTypes => _entityTypes;

    public IReadOnlyList<string> ContextWords { get; }

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        Span<Range> groups = stackalloc Range[DigitScanner.MaxGroups];
        Span<byte> digits = stackalloc byte[DigitCount];
        var position = 0;
        int count;
        // A window of DigitCount digits has at most DigitCount groups: chunks of a long run overlap by one less.
        while ((count = DigitScanner.NextRun(s, ref position, groups, DigitCount - 1, out var seen)) > 0)
        {
            var run = groups[..count];
            for (var first = 0; first < count; first++)
            {
                for (var last = Math.Max(first, seen); last < count; last++)
                {
                    var n = DigitScanner.DigitCount(run, first, last);
                    if (n > DigitCount)
                    {
                        break;
                    }

                    if (n == DigitCount && DigitRuns.IsWindow(s, run, first, last, ChecksEnd))
                    {
                        _ = DigitScanner.CopyDigits(s, run, first, last, digits);
                        var end = run[last].End.Value;
                        var score = Judge(s, run[first..(last + 1)], digits, ref end);
                        if (score > 0 && !DigitScanner.IsWholeRun(s, run, first, last) && !IsHyphenatedToken(s, run, first, last))
                        {
                            // Cut out of a longer run of groups ("4224 3258 5798" in a 16-digit card number):
                            // one window in ten passes a check digit by chance, so it needs a context word.
                            score -= CutFromRunPenalty;
                        }

                        if (score > 0)
                        {
                            results.Add(new PiiCandidate(EntityType, run[first].Start.Value, end, score, Name));
                        }
                    }
                }
            }
        }
    }

    // Groups joined by '-' where the run goes on only through whitespace ("078-051121 07805-1121") are a token
    // of their own, as a word is: the cut-from-run rule is for windows taken out of space-separated groups.
    private static bool IsHyphenatedToken(ReadOnlySpan<char> s, ReadOnlySpan<Range> run, int first, int last)
    {
        if (last == first)
        {
            return false;
        }

        for (var g = first + 1; g <= last; g++)
        {
            if (s[run[g].Start.Value - 1] != '-')
            {
                return false;
            }
        }

        var start = run[first].Start.Value;
        var end = run[last].End.Value;
        return (start == 0 || char.IsWhiteSpace(s[start - 1]) || !DigitScanner.IsSeparator(s[start - 1]))
            && (end == s.Length || char.IsWhiteSpace(s[end]) || !DigitScanner.IsSeparator(s[end]));
    }

    /// <summary>False for ids that continue after their digits (a control letter): they check the end themselves.</summary>
    protected virtual bool ChecksEnd => true;

    /// <summary>
    /// The score of a candidate made of <paramref name="window"/>'s groups, or 0 to refuse it.
    /// <paramref name="end"/> may be moved past a trailing part (a control letter).
    /// </summary>
    protected abstract double Judge(ReadOnlySpan<char> text, ReadOnlySpan<Range> window, ReadOnlySpan<byte> digits, ref int end);

    /// <summary>True when the window is one unbroken group of digits.</summary>
    protected static bool IsWhole(ReadOnlySpan<Range> window) => window.Length == 1;

    /// <summary>True when the window has exactly these group lengths with one separator throughout.</summary>
    protected static bool HasShape(ReadOnlySpan<char> text, ReadOnlySpan<Range> window, ReadOnlySpan<int> lengths, out char separator) =>
        DigitRuns.HasShape(text, window, 0, window.Length - 1, lengths, out separator);
}
