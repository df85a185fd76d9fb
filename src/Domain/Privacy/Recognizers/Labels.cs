namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// The word a value is labelled with: the last word in the few characters before it ("Section 3.2.1.4",
/// "NHS number 514 566 1143"). Used as negative context, so a value that is labelled as something else is
/// not taken for the look-alike type.
/// </summary>
internal static class Labels
{
    private const int Window = 24;

    /// <summary>True when one of <paramref name="labels"/> (whole word, any case) ends within the few characters before <paramref name="start"/>, with only spaces, ':' '#' '§' '.' between.</summary>
    public static bool IsLabelled(ReadOnlySpan<char> text, int start, ReadOnlySpan<string> labels)
    {
        var end = start;
        while (end > 0 && start - end < Window && text[end - 1] is ' ' or '\u00A0' or ':' or '#' or '§' or '.' or '(')
        {
            end--;
        }

        var word = end;
        while (word > 0 && end - word < Window && char.IsLetter(text[word - 1]))
        {
            word--;
        }

        if (word == end)
        {
            return false;
        }

        var found = text[word..end];
        foreach (var label in labels)
        {
            if (found.Equals(label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the label one or two words before <paramref name="start"/> is one of <paramref name="labels"/> ("NHS number 123").</summary>
    public static bool IsLabelledWithin2Words(ReadOnlySpan<char> text, int start, ReadOnlySpan<string> labels, ReadOnlySpan<string> fillers)
    {
        if (IsLabelled(text, start, labels))
        {
            return true;
        }

        // Step over one filler word ("number", "no", "id") and look again.
        var end = start;
        while (end > 0 && text[end - 1] is ' ' or '\u00A0' or ':' or '#' or '.')
        {
            end--;
        }

        var word = end;
        while (word > 0 && char.IsLetter(text[word - 1]))
        {
            word--;
        }

        return word < end && IsLabelled(text, end, fillers) && IsLabelled(text, word, labels);
    }
}
