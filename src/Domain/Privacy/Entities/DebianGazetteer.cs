using System.IO.Compression;
using System.Text.Json;
using Governance.Domain.Privacy.Names;

namespace Governance.Domain.Privacy.Entities;

/// <summary>
/// Builds the <see cref="Gazetteer"/> from Debian data packages installed at set-up (eng/gazetteers.sh; none
/// of it is committed): iso-codes (countries, their subdivisions, languages), tzdata (the cities in zone
/// ids), libgeonames-common (English names of 28,000 cities and regions), miscfiles and ruby-faker (given
/// names: miscfiles' English list and the first names of faker's 50-odd locales) and
/// wamerican (the everyday words that guard against capitals that only start a sentence; its capitalised
/// entries confirm the nationality adjectives derived from country names). A missing or unreadable file
/// leaves its list empty and is named in <see cref="Gazetteer.Missing"/>: the recognizer then works on
/// what is left (ADR-034 lists what each loss costs).
/// </summary>
public static class DebianGazetteer
{
    public const string DefaultRoot = "/usr/share";

    public const string Countries = "iso-codes/json/iso_3166-1.json";
    public const string Subdivisions = "iso-codes/json/iso_3166-2.json";
    public const string Languages = "iso-codes/json/iso_639-2.json";
    public const string Zones = "zoneinfo/zone1970.tab";
    public const string GeoNames = "locale/en/LC_MESSAGES/geonames.mo";
    public const string ProperNames = "dict/propernames";
    public const string Words = "dict/american-english";
    public const string FakerGems = "rubygems-integration/all/gems";

    private static readonly Lazy<Gazetteer> Installed = new(() => Load(DefaultRoot));

    /// <summary>The gazetteer from the system's <c>/usr/share</c>, read once per process.</summary>
    public static Gazetteer Default => Installed.Value;

    public static Gazetteer Load(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var sources = new List<string>();
        var missing = new List<string>();

        IEnumerable<string>? Read(string relative, Func<string, IEnumerable<string>> parse)
        {
            var path = Path.Combine(root, relative);
            var found = File.Exists(path) ? path : File.Exists(path + ".gz") ? path + ".gz" : null;
            if (found is null)
            {
                missing.Add(path);
                return null;
            }

            try
            {
                var items = parse(found).ToList();
                sources.Add(found);
                return items;
            }
            catch (Exception e) when (e is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
            {
                missing.Add(path);
                return null;
            }
        }

        var countries = Read(Countries, p => JsonNames(p, "3166-1", "name", "common_name")) ?? [];
        var subdivisions = Read(Subdivisions, p => JsonNames(p, "3166-2", "name")) ?? [];
        var languages = Read(Languages, p => JsonNames(p, "639-2", "name")) ?? [];
        var zones = Read(Zones, ZoneCities) ?? [];
        var geonames = Read(GeoNames, p => MoCatalog.Translations(File.ReadAllBytes(p))) ?? [];
        var given = Read(ProperNames, Lines) ?? [];
        var words = Read(Words, Lines) ?? [];
        var fakerNames = FakerFirstNames(Path.Combine(root, FakerGems), sources, missing);

        var common = new List<string>();
        var proper = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            if (w.Length > 0 && char.IsLower(w[0]) && !w.Contains('\''))
            {
                common.Add(w);
            }
            else if (w.Length > 0 && char.IsUpper(w[0]))
            {
                proper.Add(w);
            }
        }

        var countryList = countries.Where(IsPlainName).ToList();
        return new Gazetteer(new GazetteerLists
        {
            GivenNames = [.. DefaultNames.FirstNames, .. given, .. fakerNames],
            Regions = [.. countryList, .. subdivisions.Where(IsPlainName), .. zones],
            Cities = [.. geonames.Where(IsPlainName)],
            Nationalities = [.. Demonyms.Derive(countryList, proper), .. Demonyms.Languages(languages, proper, common)],
            CommonWords = common,
            Sources = sources,
            Missing = missing,
        });
    }

    // ruby-faker's locale files (lib/locales/*.yml and */*.yml) list first names per locale on one line:
    // "male_first_name: [Aaron, Abdul, ...]"; the gem's directory carries its version.
    private static List<string> FakerFirstNames(string gems, List<string> sources, List<string> missing)
    {
        var names = new List<string>();
        var gem = Directory.Exists(gems) ? Directory.GetDirectories(gems, "faker-*").Order(StringComparer.Ordinal).LastOrDefault() : null;
        var locales = gem is null ? null : Path.Combine(gem, "lib", "locales");
        if (locales is null || !Directory.Exists(locales))
        {
            missing.Add(Path.Combine(gems, "faker-*/lib/locales"));
            return names;
        }

        try
        {
            foreach (var file in Directory.EnumerateFiles(locales, "*.yml", SearchOption.AllDirectories))
            {
                foreach (var line in File.ReadLines(file))
                {
                    var t = line.AsSpan().Trim();
                    var colon = t.IndexOf(':');
                    if (colon > 0 && t[..colon].EndsWith("first_name", StringComparison.Ordinal) && t[(colon + 1)..].Trim() is ['[', .. var list, ']'])
                    {
                        foreach (var range in list.Split(','))
                        {
                            var name = list[range].Trim().Trim("\"'");
                            if (name.Length >= 2 && name[0] != '#' && char.IsUpper(name[0]))
                            {
                                names.Add(name.ToString());
                            }
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            missing.Add(locales);
            return [];
        }

        sources.Add(locales);
        return names;
    }

    // "Korea, Republic of" and "Bonaire, Sint Eustatius and Saba" are catalogue forms, not how text names a place.
    private static bool IsPlainName(string name) =>
        name.Length >= 3 && name.AsSpan().IndexOfAny(",()/;") < 0 && char.IsUpper(name[0]);

    private static IEnumerable<string> JsonNames(string path, string list, params string[] members)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var names = new List<string>();
        foreach (var entry in doc.RootElement.GetProperty(list).EnumerateArray())
        {
            foreach (var member in members)
            {
                if (entry.TryGetProperty(member, out var value) && value.GetString() is { Length: > 0 } name)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    // zone1970.tab: "PT<TAB>+3843-00908<TAB>Europe/Lisbon"; the city is the last part, '_' for spaces.
    private static IEnumerable<string> ZoneCities(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length >= 3)
            {
                var zone = columns[2];
                yield return zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');
            }
        }
    }

    private static IEnumerable<string> Lines(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = path.EndsWith(".gz", StringComparison.Ordinal)
            ? new StreamReader(new GZipStream(stream, CompressionMode.Decompress))
            : new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
            {
                lines.Add(word);
            }
        }

        return lines;
    }
}
