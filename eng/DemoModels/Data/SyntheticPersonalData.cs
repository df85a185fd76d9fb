using System.Globalization;
using System.Text;

namespace Governance.DemoModels.Data;

/// <summary>
/// Fake personal data for the demo texts, so that real-looking PII flows through the platform.
/// Everything comes from reserved or fictional ranges: example.* domains, 555-01xx and Ofcom
/// drama numbers, TEST-NET addresses; card numbers are random but pass the Luhn check, as the
/// anonymizer's recognizers expect.
/// </summary>
internal sealed class SyntheticPersonalData(Random random)
{
    private static readonly string[] FirstNames =
        ["Alice", "Bruno", "Chen", "Dalia", "Emeka", "Fatima", "Gustav", "Hana", "Ivan", "Julia", "Kofi", "Lena",
         "Mateo", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Samir", "Tomoko", "Ursula", "Viktor", "Wei", "Yara"];

    private static readonly string[] LastNames =
        ["Andersen", "Barros", "Costa", "Dubois", "Eriksson", "Fischer", "García", "Haddad", "Ivanova", "Jensen",
         "Kowalski", "Larsen", "Müller", "Nakamura", "O'Brien", "Petrov", "Rossi", "Schmidt", "Tanaka", "Okafor"];

    private static readonly string[] EmailDomains = ["example.com", "example.org", "example.net", "mail.example", "inbox.test"];
    private static readonly string[] Plans = ["Basic", "Pro", "Premium", "Family", "Business", "Starter"];
    private static readonly string[] Devices =
        ["iPhone 14", "Pixel 7", "Galaxy S23", "Windows laptop", "MacBook Air", "iPad", "Android tablet", "Chromebook"];

    private static readonly string[] Currencies = ["$", "€", "£"];

    public string Name() => $"{Pick(FirstNames)} {Pick(LastNames)}";

    public string Email()
    {
        var first = Ascii(Pick(FirstNames));
        var last = Ascii(Pick(LastNames));
        var local = random.Next(3) switch
        {
            0 => $"{first}.{last}",
            1 => $"{first[0]}{last}{random.Next(10, 99)}",
            _ => $"{first}_{random.Next(1970, 2005)}",
        };
        return $"{local}@{Pick(EmailDomains)}";
    }

    public string Phone() => random.Next(4) switch
    {
        0 => $"+1 415-555-01{random.Next(100):D2}",
        1 => $"(212) 555-01{random.Next(100):D2}",
        2 => $"+44 20 7946 0{random.Next(1000):D3}",
        _ => $"07700 900{random.Next(1000):D3}",
    };

    public string CardNumber()
    {
        var digits = new StringBuilder(random.Next(2) == 0 ? "4" : "5");
        digits.Append((char)('1' + random.Next(5)));
        while (digits.Length < 15)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        digits.Append(LuhnCheckDigit(digits.ToString()));
        var number = digits.ToString();
        var separator = random.Next(3) switch { 0 => " ", 1 => "-", _ => "" };
        return string.Join(separator, number[..4], number[4..8], number[8..12], number[12..]);
    }

    public string AccountId() => random.Next(3) switch
    {
        0 => $"ACC-{random.Next(1_000_000):D6}",
        1 => $"CUST{random.Next(10_000_000, 99_999_999)}",
        _ => $"{random.Next(100, 999)}-{random.Next(100_000, 999_999)}",
    };

    public string OrderId() => random.Next(2) == 0 ? $"#{random.Next(10_000, 99_999)}" : $"ORD-{random.Next(1_000_000, 9_999_999)}";

    public string TicketId() => $"#T-{random.Next(100_000, 999_999)}";

    public string Amount() =>
        Pick(Currencies) + (random.Next(5, 600) + (random.Next(100) / 100.0)).ToString("0.00", CultureInfo.InvariantCulture);

    public string Date() => random.Next(3) switch
    {
        0 => new DateOnly(2024, 1, 1).AddDays(random.Next(500)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        1 => new DateOnly(2024, 1, 1).AddDays(random.Next(500)).ToString("MMMM d", CultureInfo.InvariantCulture),
        _ => new DateOnly(2024, 1, 1).AddDays(random.Next(500)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };

    public string Plan() => Pick(Plans);

    public string Device() => Pick(Devices);

    public string IpAddress() => random.Next(2) == 0 ? $"192.0.2.{random.Next(1, 255)}" : $"203.0.113.{random.Next(1, 255)}";

    public string ErrorCode() => random.Next(2) == 0 ? $"E-{random.Next(100, 999)}" : $"0x8007{random.Next(0x10000):X4}";

    public string SoftwareVersion() => $"{random.Next(1, 9)}.{random.Next(0, 20)}.{random.Next(0, 9)}";

    internal static char LuhnCheckDigit(string payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            // Counting from the right of the final number, every second digit is doubled; the
            // check digit itself will be the first, so here the rightmost payload digit doubles.
            var digit = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private static string Ascii(string name) =>
        name.Replace("'", "", StringComparison.Ordinal).Replace("ü", "ue", StringComparison.Ordinal)
            .Replace("í", "i", StringComparison.Ordinal).ToLowerInvariant();
}
