namespace Governance.Domain.Privacy.Entities;

/// <summary><see cref="EntityFacts"/> compiled into span-searchable sets; titles, suffixes and calendar words match their case.</summary>
internal static class ClosedClasses
{
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = Set(EntityFacts.Titles, StringComparer.Ordinal);
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationSuffixes = Set(EntityFacts.OrganizationSuffixes, StringComparer.Ordinal);
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OfHeads = Set(EntityFacts.OfHeads, StringComparer.Ordinal);
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlacePrepositions = Set(EntityFacts.PlacePrepositions, StringComparer.OrdinalIgnoreCase);
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWords = Set(EntityFacts.FunctionWords, StringComparer.OrdinalIgnoreCase);
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Acronyms = Set(EntityFacts.PlaceAcronyms, StringComparer.Ordinal);
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CalendarWords = Set(EntityFacts.CalendarWords, StringComparer.Ordinal);

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string[] words, StringComparer comparer) =>
        new HashSet<string>(words, comparer).GetAlternateLookup<ReadOnlySpan<char>>();
}
