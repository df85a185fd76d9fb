namespace Governance.Domain.Privacy.Entities;

/// <summary>
/// The word lists the entity rules look words up in, compiled once into case-insensitive sets that are
/// searched with spans (no allocation per lookup). Place names are stored with single spaces, and also
/// without diacritics ("Bogotá" and "Bogota"), so a run of words in the text is looked up as it stands.
/// <see cref="Sources"/> and <see cref="Missing"/> say which data files it was built from.
/// </summary>
public sealed class Gazetteer
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _givenNames;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _regions;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _cities;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _nrp;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _commonWords;

    public Gazetteer(GazetteerLists lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        _givenNames = Compile(lists.GivenNames, foldDiacritics: true);
        _regions = Compile([.. lists.Regions, .. EntityFacts.Regions], foldDiacritics: true);
        _cities = Compile(lists.Cities, foldDiacritics: true);
        _nrp = Compile([.. lists.Nationalities, .. EntityFacts.IrregularNationalities, .. EntityFacts.ReligionsAndPolitics], foldDiacritics: false);
        _commonWords = Compile([.. lists.CommonWords, .. EntityFacts.FunctionWords], foldDiacritics: false);
        Sources = lists.Sources;
        Missing = lists.Missing;
    }

    /// <summary>No data files: the built-in facts only (titles, suffixes, religions, regions) and no names.</summary>
    public static Gazetteer Empty { get; } = new(new GazetteerLists());

    /// <summary>The data files the lists came from.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The data files that were looked for and not found: the recognizer is degraded by their absence.</summary>
    public IReadOnlyList<string> Missing { get; }

    public int GivenNameCount => _givenNames.Set.Count;

    public int PlaceCount => _regions.Set.Count + _cities.Set.Count;

    public int NrpCount => _nrp.Set.Count;

    public bool IsGivenName(ReadOnlySpan<char> word) => _givenNames.Contains(word);

    /// <summary>A country, a first-level subdivision (state, province, nation of the UK) or a city that names a time zone.</summary>
    public bool IsRegion(ReadOnlySpan<char> words) => _regions.Contains(words);

    public bool IsCity(ReadOnlySpan<char> words) => _cities.Contains(words);

    public bool IsNrp(ReadOnlySpan<char> word) => _nrp.Contains(word);

    /// <summary>An everyday English word in lower case ("grace", "mark", "bank"): as a capital it may just start a sentence.</summary>
    public bool IsCommonWord(ReadOnlySpan<char> word) => _commonWords.Contains(word);

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Compile(IEnumerable<string> words, bool foldDiacritics)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
        {
            var clean = string.Join(' ', word.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (clean.Length < 2)
            {
                continue;
            }

            set.Add(clean);
            if (foldDiacritics && clean.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F') >= 0)
            {
                set.Add(WithoutDiacritics(clean));
            }
        }

        set.TrimExcess();
        return set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // The process runs with invariant globalization (no ICU), so string.Normalize cannot decompose: the
    // Latin letters with diacritics that place names use are folded from a table instead.
    private const string Accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿĀāĂăĄąĆćČčĎďĐđĒēĘęĚěĞğĪīİıŁłŃńŇňŌōŐőŘřŚśŞşŠšŢţŤťŪūŮůŰűŹźŻżŽž";
    private const string Plain = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyAaAaAaCcCcDdDdEeEeEeGgIiIiLlNnNnOoOoRrSsSsSsTtTtUuUuUuZzZzZz";

    private static string WithoutDiacritics(string s) =>
        string.Create(s.Length, s, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var at = Accented.IndexOf(source[i], StringComparison.Ordinal);
                span[i] = at < 0 ? source[i] : Plain[at];
            }
        });
}

/// <summary>The raw lists a <see cref="Gazetteer"/> is compiled from, as read from the data files.</summary>
public sealed record GazetteerLists
{
    public IReadOnlyList<string> GivenNames { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    public IReadOnlyList<string> Cities { get; init; } = [];

    public IReadOnlyList<string> Nationalities { get; init; } = [];

    public IReadOnlyList<string> CommonWords { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];

    public IReadOnlyList<string> Missing { get; init; } = [];
}
