using System.Buffers;

namespace Governance.Domain.Privacy.Entities;

/// <summary>
/// PERSON, LOCATION, NRP and ORGANIZATION without a statistical model: runs of capitalised words are
/// looked up in the <see cref="Gazetteer"/> and read with contextual rules (ADR-034). In order, for each run:
/// an organisation suffix or "Bank of ..." makes an ORGANIZATION; a title ("Dr.") makes the words after
/// it a PERSON; a multi-word place is a LOCATION; a given name followed by a capitalised word is a PERSON;
/// a country or region, or a city that is no everyday word and no given name, is a LOCATION (a city that
/// is one needs "in/at/from ..." before it); a nationality, religion or political group is NRP; a given
/// name alone is a weaker PERSON. Precision guards: a capital that only starts a sentence ("Grace period
/// ...", "Deploy ...") is no evidence, calendar words are never names, and scores below the analyzer's
/// default threshold are not reported at all (the Presidio surface has none).
/// </summary>
public sealed class GazetteerEntityRecognizer(Gazetteer gazetteer) : IPiiRecognizer
{
    public const double StrongScore = 0.85;
    public const double CityScore = 0.7;
    public const double LoneNameScore = 0.6;
    private const int MaxPlaceWords = 4;
    private const int MaxNameWords = 3;
    private const int StackWords = 256;
    private static readonly string[] Types = ["PERSON", "LOCATION", "NRP", "ORGANIZATION"];
    private static readonly Lazy<GazetteerEntityRecognizer> Installed = new(() => new(DebianGazetteer.Default));

    /// <summary>The recognizer over the gazetteer from the installed Debian data (<see cref="DebianGazetteer.Default"/>).</summary>
    public static GazetteerEntityRecognizer Default => Installed.Value;

    public Gazetteer Gazetteer { get; } = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));

    public string Name => nameof(GazetteerEntityRecognizer);

    public IReadOnlyList<string> EntityTypes => Types;

    /// <summary>
    /// The name dictionary's context words: a name found here and the same name found there get the same
    /// lift, so the longer span ("Linda Alvarez" after "Mrs.") wins over the dictionary's "Linda".
    /// </summary>
    public IReadOnlyList<string> ContextWords { get; } = ["name", "mr", "mrs", "ms", "dr", "patient", "customer", "dear", "signed"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        Span<EntityWord> onStack = stackalloc EntityWord[StackWords];
        var count = EntityWords.Split(s, onStack);
        if (count >= 0)
        {
            Scan(s, onStack[..count], results);
            return;
        }

        var rented = ArrayPool<EntityWord>.Shared.Rent(EntityWords.Capacity(s));
        try
        {
            count = EntityWords.Split(s, rented);
            Scan(s, rented.AsSpan(0, count), results);
        }
        finally
        {
            ArrayPool<EntityWord>.Shared.Return(rented);
        }
    }

    private void Scan(ReadOnlySpan<char> s, ReadOnlySpan<EntityWord> w, List<PiiCandidate> results)
    {
        var i = 0;
        while (i < w.Length)
        {
            if (!w[i].Capitalised || ClosedClasses.CalendarWords.Contains(Word(s, w[i])) || ClosedClasses.Titles.Contains(Word(s, w[i])))
            {
                i++;
                continue;
            }

            // A run is Title-case words or ALL-CAPS words, not a mix: "Mi DNI", "device MAC" hold no name.
            var last = i;
            while (last + 1 < w.Length && w[last + 1].Joined && w[last + 1].Capitalised && !w[last].Dotted
                && (w[last + 1].AllCaps == w[i].AllCaps || ClosedClasses.OrganizationSuffixes.Contains(Word(s, w[last + 1])))
                && !ClosedClasses.CalendarWords.Contains(Word(s, w[last + 1])))
            {
                last++;
            }

            // A lone ALL-CAPS word is an acronym ("MAC", "ABA", "NINO") unless it names a country ("UK", "USA").
            if (last == i && w[i].AllCaps)
            {
                if (Gazetteer.IsRegion(Word(s, w[i])) && ClosedClasses.Acronyms.Contains(Word(s, w[i])))
                {
                    results.Add(new PiiCandidate("LOCATION", w[i].Start, w[i].End, StrongScore, Name));
                }

                i++;
                continue;
            }

            var next = Organization(s, w, i, last, results);
            if (next < 0)
            {
                next = Titled(s, w, i, last) ? Person(w, i, Math.Min(last, i + MaxNameWords - 1), StrongScore, results) : -1;
            }

            if (next < 0 && StartsSentenceOnly(s, w, i, last))
            {
                next = i + 1;
            }

            if (next < 0)
            {
                next = Classify(s, w, i, last, results);
            }

            i = Math.Max(next, i + 1);
        }
    }

    // A capital that only starts a sentence: an everyday word first in its sentence, unless a given name leads a name ("Grace Liu").
    private bool StartsSentenceOnly(ReadOnlySpan<char> s, ReadOnlySpan<EntityWord> w, int i, int last)
    {
        var word = Word(s, w[i]);
        if (ClosedClasses.FunctionWords.Contains(word))
        {
            return true;
        }

        return w[i].SentenceStart && Gazetteer.IsCommonWord(word) && !(last > i && Gazetteer.IsGivenName(word));
    }

    private int Classify(ReadOnlySpan<char> s, ReadOnlySpan<EntityWord> w, int i, int last, List<PiiCandidate> results)
    {
        var afterPreposition = (i > 0 && w[i].Joined && ClosedClasses.PlacePrepositions.Contains(Word(s, w[i - 1])))
            || InListOfPlaces(s, w, i, results);

        // A place of several words first: "Buenos Aires", "Cape Town", "New York".
        for (var k = Math.Min(last, i + MaxPlaceWords - 1); k > i; k--)
        {
            var span = s[w[i].Start..w[k].End];
            if (Gazetteer.IsRegion(span) || Gazetteer.IsCity(span))
            {
                results.Add(new PiiCandidate("LOCATION", w[i].Start, w[k].End, StrongScore, Name));
                return k + 1;
            }
        }

        var word = Word(s, w[i]);
        // One word of a longer name is not the place it shares a name with: "Texas Instruments", "Amara Okafor".
        var leadsLongerName = last > i && !Gazetteer.IsRegion(Word(s, w[i + 1])) && !Gazetteer.IsCity(Word(s, w[i + 1]));
        if (last > i && Gazetteer.IsGivenName(word) && IsNamePart(s, w[i + 1]))
        {
            var end = i + 1;
            if (end < last && Gazetteer.IsGivenName(Word(s, w[end])) && IsNamePart(s, w[end + 1]))
            {
                end++;
            }

            return Person(w, i, end, StrongScore, results);
        }

        // A well-known place that is also a given name ("Sydney", "Georgia") is read as the place; an everyday word is not.
        if (Gazetteer.IsRegion(word) && !leadsLongerName && (afterPreposition || !Gazetteer.IsCommonWord(word)))
        {
            results.Add(new PiiCandidate("LOCATION", w[i].Start, w[i].End, StrongScore, Name));
            return i + 1;
        }

        var ambiguous = Gazetteer.IsCommonWord(word) || Gazetteer.IsGivenName(word);
        if (Gazetteer.IsCity(word) && !leadsLongerName && (afterPreposition || !ambiguous))
        {
            results.Add(new PiiCandidate("LOCATION", w[i].Start, w[i].End, afterPreposition ? StrongScore : CityScore, Name));
            return i + 1;
        }

        if (Gazetteer.IsNrp(word))
        {
            results.Add(new PiiCandidate("NRP", w[i].Start, w[i].End, StrongScore, Name));
            return i + 1;
        }

        // Two letters ("Mi", "Al") are more often an abbreviation or a foreign word than a name on its own.
        if (word.Length > 2 && Gazetteer.IsGivenName(word) && !Gazetteer.IsCommonWord(word) && (i == last || !IsNamePart(s, w[i + 1])))
        {
            return Person(w, i, i, LoneNameScore, results);
        }

        return i + 1;
    }

    // The next item of a list of places: "Mexico, Chile and Peru" puts Chile where Mexico is.
    private static bool InListOfPlaces(ReadOnlySpan<char> s, ReadOnlySpan<EntityWord> w, int i, List<PiiCandidate> results)
    {
        if (results.Count == 0 || results[^1] is not { EntityType: "LOCATION" } previous)
        {
            return false;
        }

        var between = s[previous.End..w[i].Start];
        return between is ", " or " and " or " or " or ", and " or ", or ";
    }

    // The second word of a name: capitalised and not a word that starts something else (an NRP, a suffix, a title).
    // A place may be a surname: "Carlos Mendoza", "Luis Herrera" (Argentine and Panamanian provinces).
    private bool IsNamePart(ReadOnlySpan<char> s, EntityWord next)
    {
        var word = Word(s, next);
        return next.Capitalised && !Gazetteer.IsNrp(word) && !ClosedClasses.OrganizationSuffixes.Contains(word)
            && !ClosedClasses.Titles.Contains(word);
    }

    // A title right before the run: "Dr. Priya", "Mr Smith", "Professor Hiroshi".
    private static bool Titled(ReadOnlySpan<char> s, ReadOnlySpan<EntityWord> w, int i, int last)
    {
        if (i == 0 || !ClosedClasses.Titles.Contains(Word(s, w[i - 1])))
        {
            return false;
        }

        var gap = s[w[i - 1].End..w[i].Start];
        return gap is " " or ". " && last >= i;
    }

    /// <summary>
    /// An organisation: a run that ends in a suffix ("Siemens AG", "Sunrise Solar Pty Ltd.") or a head that
    /// takes "of" followed by a capitalised name ("Bank of Montreal", "Royal Bank of Scotland"). Leading
    /// determiners are not part of it. -1 when the run is none.
    /// </summary>
    private int Organization(ReadOnlySpan<char> s, ReadOnlySpan<EntityWord> w, int i, int last, List<PiiCandidate> results)
    {
        var first = i;
        while (first < last && ClosedClasses.FunctionWords.Contains(Word(s, w[first])))
        {
            first++;
        }

        // "<Head> of <Name>": the words of the run up to the head, "of", then the capitalised words after it.
        if (ClosedClasses.OfHeads.Contains(Word(s, w[last])) && last + 2 < w.Length && w[last + 1].Joined && w[last + 2].Joined
            && Word(s, w[last + 1]) is "of" && w[last + 2].Capitalised)
        {
            var end = last + 2;
            while (end + 1 < w.Length && end < last + 4 && w[end + 1].Joined && w[end + 1].Capitalised)
            {
                end++;
            }

            results.Add(new PiiCandidate("ORGANIZATION", w[first].Start, w[end].End, StrongScore, Name));
            return end + 1;
        }

        for (var k = last; k > first; k--)
        {
            if (ClosedClasses.OrganizationSuffixes.Contains(Word(s, w[k])))
            {
                var end = w[k].Dotted && IsAbbreviation(Word(s, w[k])) ? w[k].End + 1 : w[k].End;
                results.Add(new PiiCandidate("ORGANIZATION", w[first].Start, end, StrongScore, Name));
                return k + 1;
            }
        }

        return -1;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> suffix) => suffix is "Inc" or "Ltd" or "Corp" or "Co" or "Bros";

    private int Person(ReadOnlySpan<EntityWord> w, int first, int last, double score, List<PiiCandidate> results)
    {
        results.Add(new PiiCandidate("PERSON", w[first].Start, w[last].End, score, Name));
        return last + 1;
    }

    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> s, EntityWord w) => s[w.Start..w.End];
}
