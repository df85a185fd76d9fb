using System.Text;

namespace Governance.Domain.Tests.Privacy.Evaluation.Generator;

/// <summary>
/// Collects the labelled cases in order, numbering them per type and kind, and the seeded randomness and
/// text tricks (grouping, zero-width spaces, other digit scripts) the case lists share.
/// </summary>
public sealed class EvalBuilder(int seed)
{
    public const string ZeroWidth = "\u200B";
    public const string NoBreak = "\u00A0";

    // Ids of cases the engine is known to get wrong -> why; filled after running the engine, never by
    // changing a case. Empty since every gap the first run found was fixed (see bench/PiiAccuracy.md).
    private static readonly Dictionary<string, string> KnownGaps = new(StringComparer.Ordinal);

    private readonly List<EvalCase> _rows = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public Random Random { get; } = new(seed);

    public IReadOnlyList<EvalCase> Rows => _rows;

    public void Add(string kind, string type, string text, IReadOnlyList<(string Type, string Value)> entities, string? note = null)
    {
        var key = type + "/" + kind;
        var number = _numbers[key] = _numbers.GetValueOrDefault(key) + 1;
        var id = $"{type.ToLowerInvariant()}-{kind}-{number:00}";
        var list = new List<EvalEntity>();
        foreach (var (t, v) in entities)
        {
            if (!text.Contains(v, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{id}: '{v}' is not in '{text}'");
            }

            list.Add(new EvalEntity(t, v));
        }

        _rows.Add(new EvalCase(id, kind, type, text, list, note, KnownGaps.GetValueOrDefault(id)));
    }

    public void Positive(string type, string text, string value, string? note = null) => Add(EvalCase.Positive, type, text, [(type, value)], note);

    public void Evasion(string type, string text, string value, string note) => Add(EvalCase.Evasion, type, text, [(type, value)], note);

    public void NearMiss(string type, string text, string? note = null) => Add(EvalCase.NearMiss, type, text, [], note);

    public char Choice(string chars) => chars[Random.Next(chars.Length)];

    public T Choice<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary><paramref name="n"/> random digits, the first one of <paramref name="first"/>.</summary>
    public string Digits(int n, string first = "123456789")
    {
        var sb = new StringBuilder().Append(Choice(first));
        for (var i = 1; i < n; i++)
        {
            sb.Append((char)('0' + Random.Next(10)));
        }

        return sb.ToString();
    }

    public static string Group(string s, IReadOnlyList<int> sizes, string separator = " ")
    {
        var parts = new List<string>();
        var i = 0;
        foreach (var k in sizes)
        {
            parts.Add(s.Substring(i, Math.Min(k, s.Length - i)));
            i += k;
        }

        return string.Join(separator, parts);
    }

    public static int[] Fours(int count, int last = 0) => [.. Enumerable.Repeat(4, count), .. last > 0 ? [last] : Array.Empty<int>()];

    /// <summary>Zero-width spaces for the spaces, or one in the middle when there are none.</summary>
    public static string ZeroWidthed(string s) =>
        s.Contains(' ', StringComparison.Ordinal) ? s.Replace(" ", ZeroWidth, StringComparison.Ordinal) : s[..(s.Length / 2)] + ZeroWidth + s[(s.Length / 2)..];

    public static string CorruptLast(string s) => s[..^1] + (char)('0' + ((s[^1] - '0' + 1) % 10));

    public static string FullWidth(string s) => Translate(s, '\uFF10');

    public static string ArabicIndic(string s) => Translate(s, '\u0660');

    public static string Devanagari(string s) => Translate(s, '\u0966');

    private static string Translate(string s, char zero)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.IsAsciiDigit(chars[i]) ? (char)(zero + (chars[i] - '0')) : chars[i];
        }

        return new string(chars);
    }
}
