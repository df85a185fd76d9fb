namespace Governance.Domain.Text;

/// <summary>
/// FNV-1a 32-bit over UTF-16 code units, each fed as two bytes (low, then high), so that text
/// is hashed straight from spans without encoding it first.
/// </summary>
internal static class Fnv1a
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;
    private const char FamilySeparator = '\u001f';

    /// <summary>The starting state for one feature family: the family tag, then a separator no text contains.</summary>
    public static uint Seed(char family) => Mix(Mix(OffsetBasis, family), FamilySeparator);

    public static uint Mix(uint hash, char c)
    {
        hash = (hash ^ (byte)c) * Prime;
        return (hash ^ (byte)(c >> 8)) * Prime;
    }

    /// <summary>Continues <paramref name="hash"/> over the invariant lower case of <paramref name="chars"/>.</summary>
    public static uint HashLowered(uint hash, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            hash = Mix(hash, char.ToLowerInvariant(c));
        }

        return hash;
    }
}
