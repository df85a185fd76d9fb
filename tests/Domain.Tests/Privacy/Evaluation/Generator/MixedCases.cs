using static Governance.Domain.Tests.Privacy.Evaluation.Generator.EvalBuilder;

namespace Governance.Domain.Tests.Privacy.Evaluation.Generator;

/// <summary>Plain operations English with no PII, and support-ticket texts holding several entities of different types.</summary>
internal static class MixedCases
{
    public static void Add(EvalBuilder b)
    {
        foreach (var t in new[]
        {
            "The build took 4 minutes and 12 seconds on 2 cores.", "Quarterly revenue grew 12.5% to 3,400,000 dollars.", "Restart the service, then clear the cache.",
            "Room 101 is booked from 09:00 to 11:30.", "Our API returns 404 when the model id is unknown.", "Set the timeout to 30000 milliseconds.",
            "Version 3.11.4 fixed the memory leak.", "Please review PR 4821 before lunch.", "The batch of 250 documents finished in 18 s.",
            "Use port 8080 for the dev server.",
        })
        {
            b.NearMiss("NONE", t, "plain text");
        }

        for (var i = 0; i < 6; i++)
        {
            var payload = "4" + b.Digits(14, "0123456789");
            var card = Group(payload + EvalChecksums.Luhn(payload), Fours(4));
            var email = b.Choice(["li.wei@example.com", "ops@contoso.io", "k.ahmed@uni.edu"]);
            var ssn = $"{b.Random.Next(1, 666):000}-{b.Random.Next(1, 100):00}-{b.Random.Next(1, 10000):0000}";
            b.Add(EvalCase.Positive, "MIXED", $"Customer John Smith (email {email}) paid with card {card}; SSN {ssn} on file.",
                [("PERSON", "John Smith"), ("EMAIL_ADDRESS", email), ("CREDIT_CARD", card), ("US_SSN", ssn)]);
        }

        for (var i = 0; i < 4; i++)
        {
            var iban = Group(EvalChecksums.Iban("DE", b.Digits(18, "0123456789")), Fours(5, 2));
            var ip = "10.20.30." + b.Random.Next(2, 251);
            b.Add(EvalCase.Positive, "MIXED", $"Refund to IBAN {iban} requested from host {ip}.", [("IBAN_CODE", iban), ("IP_ADDRESS", ip)]);
        }

        for (var i = 0; i < 3; i++)
        {
            var p = b.Digits(11, "23456789");
            var aadhaar = FullWidth(Group(p + EvalChecksums.Verhoeff(p), [4, 4, 4]));
            var cf = NationalCases.FiscalCode(b).ToLowerInvariant();
            b.Add(EvalCase.Evasion, "MIXED", $"Aadhaar {aadhaar} and codice fiscale {cf}.", [("IN_AADHAAR", aadhaar), ("IT_FISCAL_CODE", cf)]);
        }

        foreach (var t in new[]
        {
            "Invoice INV-2024-000123 totals 1,299.00 EUR.", "Container MSKU 907032 3 arrived at the port.", "Serial SN-4471-9920-1187 was returned.",
            "Coordinates 52.5200, 13.4050 mark the office.",
        })
        {
            b.NearMiss("NONE", t, "everyday identifier");
        }
    }
}
