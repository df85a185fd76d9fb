namespace Governance.Domain.Privacy.Names;

/// <summary>
/// A small built-in list of common English first names and surnames. Names that are also everyday
/// words (Will, Mark, May, Rose, Brown, White, Young, King) are left out on purpose: tenants who need
/// them add them to their own list.
/// </summary>
public static class DefaultNames
{
    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "james", "john", "robert", "michael", "david", "william", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "donald", "steven", "paul", "andrew", "joshua", "kenneth",
        "kevin", "brian", "george", "timothy", "ronald", "jason", "jeffrey", "ryan", "jacob", "gary",
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
        "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
        "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura", "sharon", "cynthia",
    ];

    public static IReadOnlyList<string> Surnames { get; } =
    [
        "smith", "johnson", "williams", "jones", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez",
        "lopez", "gonzalez", "wilson", "anderson", "taylor", "moore", "jackson", "martin", "lee", "perez",
        "thompson", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "allen", "scott",
        "nguyen", "rivera", "flores", "adams", "nelson", "reyes", "mitchell", "campbell", "roberts", "carter",
        "phillips", "evans", "turner", "torres", "parker", "collins", "edwards", "stewart", "morris", "murphy",
    ];

    public static IReadOnlyList<string> All { get; } = [.. FirstNames, .. Surnames];
}
