namespace Governance.Domain.Privacy.Entities;

/// <summary>
/// The hand-written facts of English the entity rules need besides the gazetteers: closed word classes
/// (titles, prepositions, determiners, days, months), organisation suffixes, and the NRP words no Debian
/// package lists (religions, political groups, nationality adjectives that no spelling rule derives).
/// Short on purpose: open classes (names, places) come from the gazetteers.
/// </summary>
internal static class EntityFacts
{
    /// <summary>Words before a person's name, with or without a full stop ("Dr." / "Dr").</summary>
    public static readonly string[] Titles =
    [
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Rev", "Reverend",
        "Judge", "Senator", "President", "Captain", "Capt", "Sgt", "Officer",
    ];

    /// <summary>The last word of an organisation's name: "Siemens AG", "Stanford University", "Acme Logistics Inc.".</summary>
    public static readonly string[] OrganizationSuffixes =
    [
        "Inc", "Incorporated", "Ltd", "Limited", "LLC", "LLP", "PLC", "Plc", "GmbH", "AG", "SA", "SAS", "NV", "BV", "Pty", "Corp",
        "Corporation", "Co", "Company", "Group", "Holdings", "Bank", "Bancorp", "University", "College", "Hospital", "Clinic",
        "Institute", "Foundation", "Association", "Society", "Agency", "Organization", "Organisation", "Council", "Authority",
        "Ministry", "Pharmaceuticals", "Pharma", "Electronics", "Motors", "Technologies", "Systems", "Solutions", "Services",
        "Logistics", "Traders", "Trading", "Partners", "Airlines", "Airways", "Industries", "Enterprises", "Laboratories",
        "Labs", "Software", "Insurance", "Ventures", "Consulting", "Mining", "Cafe", "Restaurant", "Hotel", "Club", "School",
        "Academy", "Museum", "Trust", "Federation", "Union", "Commission",
    ];

    /// <summary>Organisation heads that take "of": "Bank of Montreal", "University of Toronto".</summary>
    public static readonly string[] OfHeads =
    [
        "Bank", "University", "College", "Institute", "Ministry", "Department", "Museum", "Academy", "Society", "Council",
        "Federation", "Association", "Church", "Office", "Commission", "League", "School",
    ];

    /// <summary>Prepositions that make the next capitalised word a place: "in Lisbon", "from Nairobi".</summary>
    public static readonly string[] PlacePrepositions =
    [
        "in", "at", "from", "to", "near", "via", "into", "across", "around", "outside", "throughout", "toward", "towards",
        "inside",
    ];

    /// <summary>Capitalised at the start of a sentence, never the start of a name.</summary>
    public static readonly string[] FunctionWords =
    [
        "the", "a", "an", "our", "your", "my", "his", "her", "their", "its", "this", "that", "these", "those", "and", "or",
        "but", "if", "when", "then", "we", "you", "he", "she", "they", "it", "i",
    ];

    /// <summary>Calendar words: DATE_TIME's, never a name ("May", "March", "August").</summary>
    public static readonly string[] CalendarWords =
    [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December", "Christmas", "Easter",
    ];

    /// <summary>Religions and political groups (Presidio's NRP besides nationalities), with their plurals.</summary>
    public static readonly string[] ReligionsAndPolitics =
    [
        "Christian", "Christians", "Catholic", "Catholics", "Protestant", "Protestants", "Orthodox", "Anglican", "Anglicans",
        "Baptist", "Baptists", "Methodist", "Methodists", "Lutheran", "Lutherans", "Evangelical", "Evangelicals", "Mormon",
        "Mormons", "Muslim", "Muslims", "Islamic", "Sunni", "Shia", "Jewish", "Jew", "Jews", "Hindu", "Hindus", "Buddhist",
        "Buddhists", "Sikh", "Sikhs", "Jain", "Jains", "Atheist", "Atheists", "Agnostic", "Agnostics", "Democrat", "Democrats",
        "Democratic", "Republican", "Republicans", "Conservative", "Conservatives", "Labour", "Liberal", "Liberals",
        "Socialist", "Socialists", "Communist", "Communists", "Tory", "Tories", "Libertarian", "Libertarians",
    ];

    /// <summary>Nationality adjectives that no spelling rule derives from the country's name.</summary>
    public static readonly string[] IrregularNationalities =
    [
        "American", "Americans", "British", "English", "Scottish", "Welsh", "Irish", "Dutch", "French", "Swiss", "Greek", "Polish", "Finnish", "Danish",
        "Swedish", "Norwegian", "Spanish", "Portuguese", "Turkish", "Thai", "Filipino", "Icelandic", "Peruvian", "Argentine",
        "Belgian", "Czech", "Slovak", "Croatian", "Serbian", "Kurdish", "Arab", "Arabs", "Latino", "Latina", "Hispanic",
        "European", "Europeans", "African", "Africans", "Asian", "Asians", "Scandinavian", "Basque", "Catalan", "Flemish",
        "Afghan", "Bangladeshi", "Pakistani", "Israeli", "Iraqi", "Kuwaiti", "Omani", "Qatari", "Saudi", "Yemeni", "Emirati",
        "Nepali", "Uzbek", "Kazakh", "Tajik", "Malagasy", "Cypriot", "Maltese", "Monegasque", "Luxembourgish", "Cuban",
    ];

    /// <summary>Places no Debian list names as such: the UK's nations, continents and large regions.</summary>
    public static readonly string[] Regions =
    [
        "England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain", "America", "Europe", "Asia", "Africa",
        "Oceania", "Antarctica", "North America", "South America", "Latin America", "Central America", "Middle East",
        "Scandinavia", "Siberia", "Caribbean", "USA", "UK", "UAE", "EU",
    ];

    /// <summary>The places of <see cref="Regions"/> commonly written as an acronym; any other lone ALL-CAPS word is taken for an acronym of something else.</summary>
    public static readonly string[] PlaceAcronyms = ["USA", "UK", "UAE", "EU"];
}
