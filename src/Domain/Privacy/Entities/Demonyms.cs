namespace Governance.Domain.Privacy.Entities;

/// <summary>
/// Nationality adjectives (NRP) from country and language names: English forms them by a few spelling
/// rules (Kenya → Kenyan, Canada → Canadian, Brazil → Brazilian, Japan → Japanese, Mexico → Mexican), and
/// a candidate is kept only when the dictionary lists it capitalised, so a rule that does not apply
/// ("Omann") never becomes a word. Plurals of the -an forms ("Canadians") are added the same way.
/// </summary>
internal static class Demonyms
{
    public static IEnumerable<string> Derive(IEnumerable<string> countries, IReadOnlySet<string> properNouns)
    {
        foreach (var country in countries)
        {
            if (country.Contains(' '))
            {
                continue;
            }

            foreach (var candidate in Candidates(country))
            {
                if (properNouns.Contains(candidate))
                {
                    yield return candidate;
                    if (properNouns.Contains(candidate + "s"))
                    {
                        yield return candidate + "s";
                    }
                }
            }
        }
    }

    /// <summary>Language names that double as nationality adjectives ("German", "Korean"): one word, in the dictionary capitalised and not as an everyday word ("Creek" is one).</summary>
    public static IEnumerable<string> Languages(IEnumerable<string> languages, IReadOnlySet<string> properNouns, IReadOnlyList<string> commonWords)
    {
        var common = new HashSet<string>(commonWords, StringComparer.OrdinalIgnoreCase);
        foreach (var language in languages)
        {
            if (language.Length >= 4 && !language.Contains(' ') && properNouns.Contains(language) && !common.Contains(language))
            {
                yield return language;
            }
        }
    }

    private static IEnumerable<string> Candidates(string c)
    {
        var stem = c[..^1];
        yield return c + "n";
        yield return c + "an";
        yield return c + "ian";
        yield return c + "ese";
        yield return c + "i";
        yield return c + "ean";
        yield return stem + "ian";
        yield return stem + "an";
        yield return stem + "ese";
        yield return stem + "i";
        yield return stem + "ean";
        if (c.Length > 4)
        {
            yield return c[..^2] + "an";
        }
    }
}
