namespace Governance.Domain.Privacy.Operators;

/// <summary>
/// Realistic stand-ins that belong to nobody: common given and family names, e-mail under example.com
/// (RFC 2606), phone numbers in the 555-0100..555-0199 range reserved for fiction, and the card
/// issuers' published test numbers (all Luhn-valid, none issuable).
/// </summary>
internal static class Surrogates
{
    public static readonly string[] GivenNames =
    [
        "Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Jamie", "Robin", "Avery", "Riley", "Quinn", "Drew",
        "Maria", "Anna", "Laura", "Sofia", "Elena", "Clara", "Nora", "Ida", "John", "Peter", "Lucas", "Leo",
        "Omar", "Ravi", "Kenji", "Mei", "Aisha", "Noah", "Emma", "Hugo",
    ];

    public static readonly string[] FamilyNames =
    [
        "Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Martin", "Moreau", "Rossi", "Müller",
        "Schmidt", "Novak", "Kowalski", "Jensen", "Nielsen", "Silva", "Costa", "Tanaka", "Kim", "Singh",
        "Patel", "Khan", "Nguyen", "Lopez", "Fischer", "Weber", "Dubois", "Bianchi", "Murphy", "Walsh",
        "Larsen", "Berg",
    ];

    // North American area codes of large cities; with 555-01xx they are fictional by reservation.
    public static readonly string[] AreaCodes = ["202", "212", "303", "312", "415", "512", "617", "702", "808", "917"];

    public static readonly string[] TestCardNumbers =
    [
        "4111 1111 1111 1111", "4242 4242 4242 4242", "4012 8888 8888 1881", "5555 5555 5555 4444",
        "5105 1051 0510 5100", "2223 0031 2200 3222", "3782 822463 10005", "3714 496353 98431",
        "6011 1111 1111 1117", "3566 0020 2036 0505",
    ];
}
