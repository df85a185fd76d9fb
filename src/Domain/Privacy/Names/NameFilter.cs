namespace Governance.Domain.Privacy.Names;

/// <summary>
/// A bit per (length, first letter, second letter) of the listed names, so most words of prose ("the",
/// "order") are ruled out by one bit test before the case-insensitive hash lookup, which costs more
/// than the rest of the scan. Only ASCII letters are keyed: a word that starts otherwise ("O'Brien",
/// "Élise", or a non-ASCII letter that case-folds to ASCII) always goes to the lookup.
/// </summary>
internal sealed class NameFilter
{
    private const int MaxLength = 31;
    private readonly ulong[] _bits = new ulong[((MaxLength + 1) * 26 * 26 / 64) + 1];

    public void Add(ReadOnlySpan<char> name)
    {
        if (TryKey(name, out var key))
        {
            _bits[key >> 6] |= 1UL << (key & 63);
        }
    }

    /// <summary>False only when the word certainly is not listed.</summary>
    public bool MayContain(ReadOnlySpan<char> word) =>
        !TryKey(word, out var key) || (_bits[key >> 6] & (1UL << (key & 63))) != 0;

    private static bool TryKey(ReadOnlySpan<char> word, out int key)
    {
        key = 0;
        if (word.Length < 2 || !char.IsAsciiLetter(word[0]) || !char.IsAsciiLetter(word[1]))
        {
            return false;
        }

        var length = Math.Min(word.Length, MaxLength);
        key = (((length * 26) + ((word[0] | 0x20) - 'a')) * 26) + ((word[1] | 0x20) - 'a');
        return true;
    }
}
