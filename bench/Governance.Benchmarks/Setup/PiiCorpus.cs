using System.Text;

namespace Governance.Benchmarks.Setup;

/// <summary>
/// Deterministic English-like text in which about 1% of the characters are PII: sentences drawn from a
/// fixed word list (fixed seed), with an email, a card number, a phone number, an IBAN or a name dropped in
/// whenever the PII share falls under the target. All values are valid (Luhn, mod-97, real plans), so
/// the recognizers do their full work on them.
/// </summary>
internal static class PiiCorpus
{
    private const double PiiShare = 0.01;

    private static readonly string[] Words =
    [
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on",
        "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they",
        "you", "were", "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more",
        "when", "will", "would", "who", "so", "no", "order", "account", "payment", "customer", "support",
        "invoice", "refund", "delivery", "please", "thanks", "request", "service", "model", "review",
        "team", "report", "contract", "number", "update", "meeting", "week", "month", "office", "policy",
        "question", "problem", "answer", "product", "price", "shipping", "address", "details", "message",
        "system", "data", "access", "release", "version", "issue", "ticket", "manager", "project", "plan",
        "quarter", "budget", "approval", "schedule", "today", "tomorrow", "yesterday", "morning", "evening",
    ];

    // Valid values of each kind, cycled: the kinds issue 4 names (emails, cards, phones, IBANs), and names, places, organisations.
    private static readonly string[] Pii =
    [
        "jane.doe@example.com",
        "4111 1111 1111 1111",
        "+44 20 7946 0958",
        "DE89 3704 0044 0532 0130 00",
        "m.rossi@contoso.co.uk",
        "5555-5555-5555-4444",
        "(212) 555-0143",
        "GB82WEST12345698765432",
        "ops+billing@fabrikam.io",
        "378282246310005",
        "+49 30 901820",
        "FR14 2004 1010 0505 0001 3M02 606",

        // Issue 16's named entities, so the gazetteer recognizer does its lookups and rules on real hits.
        "Dr. Margaret Thompson",
        "from Lisbon",
        "Contoso Pharmaceuticals Ltd",
    ];

    /// <summary>About <paramref name="length"/> characters (cut at a word), the same for the same arguments.</summary>
    public static string Create(int length, int seed = 20240601)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 64);
        var piiChars = 0;
        var next = 0;
        var startOfSentence = true;
        while (text.Length < length)
        {
            // The first value lands about 500 characters in, so a 1 KB text holds one, mid-text.
            if (piiChars < (text.Length * PiiShare) - 5)
            {
                var value = Pii[next++ % Pii.Length];
                text.Append(value).Append(' ');
                piiChars += value.Length;
                continue;
            }

            var word = Words[random.Next(Words.Length)];
            text.Append(startOfSentence ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            startOfSentence = random.Next(12) == 0;
            text.Append(startOfSentence ? ". " : random.Next(15) == 0 ? ", " : " ");
        }

        return text.ToString(0, Math.Min(length, text.Length));
    }
}
