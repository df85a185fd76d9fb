using System.Text;
using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy;

/// <summary>
/// The copy of a text that recognizers read: full-width and other compatibility forms folded (NFKC-like),
/// invisible format characters removed, every Unicode decimal digit folded to 0-9, Cyrillic/Greek
/// look-alike letters folded to Latin, and %XX of printable ASCII decoded. Between two digits a run of
/// whitespace becomes one space and an unusual separator ('_' '*' '~' '\') a '-' (<see cref="DigitGaps"/>);
/// other separators are kept, so recognizers decide what may sit between digit groups. Each normalized character remembers the
/// original range it came from, so a match maps back to the exact original span.
/// </summary>
public sealed class NormalizedText
{
    // Null when nothing changed: the hot path (plain ASCII text) then allocates nothing more.
    private readonly int[]? _starts;
    private readonly int[]? _lengths;
    private NormalizedText? _digitReading;
    private bool _digitReadingDone;

    private NormalizedText(string original, string text, int[]? starts, int[]? lengths)
    {
        Original = original;
        Text = text;
        _starts = starts;
        _lengths = lengths;
    }

    public string Original { get; }

    public string Text { get; }

    /// <summary>
    /// The text with look-alike letters inside numbers read as digits (<see cref="LookAlikeDigits"/>), same
    /// offsets and mapping; null when there is none. Computed once, on first use.
    /// </summary>
    public NormalizedText? DigitReading
    {
        get
        {
            if (!_digitReadingDone)
            {
                var read = LookAlikeDigits.Read(Text);
                _digitReading = read is null ? null : new NormalizedText(Original, read, _starts, _lengths);
                _digitReadingDone = true;
            }

            return _digitReading;
        }
    }

    public static NormalizedText Create(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var span = original.AsSpan();
        if (span.IndexOfAnyExceptInRange('\0', '\u007F') < 0 && span.IndexOf('%') < 0 && !DigitGaps.Any(span))
        {
            return new NormalizedText(original, original, null, null);
        }

        var builder = new MappedBuilder(original.Length);
        Span<char> folded = stackalloc char[4];
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (c == '%' && TryDecodePercent(span, i, out var decoded))
            {
                builder.Append(decoded, i, 3);
                i += 3;
                continue;
            }

            if ((char.IsWhiteSpace(c) || DigitGaps.IsExtraSeparator(c)) && char.IsDigit(builder.Last)
                && DigitGaps.GapEnd(span, i) is > 0 and var gapEnd)
            {
                builder.Append(DigitGaps.ReadAs(c), i, gapEnd - i);
                i = gapEnd;
                continue;
            }

            if (c < 0x80)
            {
                builder.Append(c, i, 1);
                i++;
                continue;
            }

            if (Rune.DecodeFromUtf16(span[i..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                builder.Append(c, i, 1);
                i++;
                continue;
            }

            if (!CharFolding.IsInvisible(rune))
            {
                var n = CharFolding.Fold(rune, folded);
                if (n < 0)
                {
                    builder.Append(span.Slice(i, consumed), i, consumed);
                }
                else
                {
                    builder.Append(folded[..n], i, consumed);
                }
            }

            i += consumed;
        }

        return builder.Build(original, static (o, t, s, l) => new NormalizedText(o, t, s, l));
    }

    /// <summary>
    /// The original span of the normalized span [start, end): from the first character's origin to the
    /// last one's end, so characters removed inside the span (a zero-width space) are covered by it.
    /// </summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Text.Length);
        if (_starts is null || _lengths is null)
        {
            return (start, end);
        }

        if (start == end)
        {
            var at = start < _starts.Length ? _starts[start] : Original.Length;
            return (at, at);
        }

        return (_starts[start], _starts[end - 1] + _lengths[end - 1]);
    }

    private static bool TryDecodePercent(ReadOnlySpan<char> s, int i, out char decoded)
    {
        decoded = '\0';
        if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
        {
            return false;
        }

        var value = (HexValue(s[i + 1]) << 4) | HexValue(s[i + 2]);
        decoded = (char)value;
        return value is >= 0x20 and <= 0x7E;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
