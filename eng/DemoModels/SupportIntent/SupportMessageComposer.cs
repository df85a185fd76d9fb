using System.Text;
using Governance.DemoModels.Data;

namespace Governance.DemoModels.SupportIntent;

/// <summary>
/// Turns a core sentence into a customer message the way people write them: an optional
/// greeting, the sentence with its slots filled, optional personal details, an optional
/// sign-off, and now and then a typo.
/// </summary>
internal sealed class SupportMessageComposer(Random random)
{
    private const double TypoRate = 0.15;

    private static readonly string[] Greetings =
        ["Hi,", "Hello,", "Hey there,", "Good morning,", "Dear support,", "Hi team,", "To whom it may concern,", "Hello support team,"];

    // Personal details that carry no intent: the model must learn to look past them.
    private static readonly string[] Details =
        ["My name is {name}.", "My email is {email}.", "You can call me on {phone}.", "Account number: {account}.",
         "Card on file: {card}.", "I'm writing on behalf of {name} ({email}).", "Customer ID {account}.",
         "My phone number is {phone} and my email {email}."];

    private static readonly string[] SignOffs =
        ["Thanks, {name}", "Regards, {name}", "Thank you!", "Please reply to {email}.", "Call me at {phone} if needed.",
         "Cheers", "Best, {name} | {phone}", "Kind regards"];

    private readonly SyntheticPersonalData _personalData = new(random);

    public string Compose(string coreSentence, IReadOnlyList<string> followUps)
    {
        var message = new StringBuilder();
        if (random.NextDouble() < 0.55)
        {
            message.Append(Pick(Greetings)).Append(' ');
        }

        message.Append(Fill(coreSentence));
        var followUp = random.NextDouble() < 0.4 ? Fill(followUps[random.Next(followUps.Count)]) : null;
        var details = random.NextDouble() < 0.4 ? Fill(Pick(Details)) : null;
        foreach (var sentence in random.Next(2) == 0 ? [followUp, details] : new[] { details, followUp })
        {
            if (sentence is not null)
            {
                message.Append(' ').Append(sentence);
            }
        }

        if (random.NextDouble() < 0.5)
        {
            message.Append(' ').Append(Fill(Pick(SignOffs)));
        }

        return random.NextDouble() < TypoRate ? AddTypo(message.ToString()) : message.ToString();
    }

    private string Fill(string template)
    {
        var result = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                result.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open);
            result.Append(template, position, open - position).Append(SlotValue(template[(open + 1)..close]));
            position = close + 1;
        }

        return result.ToString();
    }

    private string SlotValue(string slot) => slot switch
    {
        "name" => _personalData.Name(),
        "email" => _personalData.Email(),
        "phone" => _personalData.Phone(),
        "card" => _personalData.CardNumber(),
        "account" => _personalData.AccountId(),
        "order" => _personalData.OrderId(),
        "ticket" => _personalData.TicketId(),
        "amount" => _personalData.Amount(),
        "date" => _personalData.Date(),
        "plan" => _personalData.Plan(),
        "device" => _personalData.Device(),
        "ip" => _personalData.IpAddress(),
        "error" => _personalData.ErrorCode(),
        "version" => _personalData.SoftwareVersion(),
        _ => throw new InvalidOperationException($"Unknown template slot '{{{slot}}}'."),
    };

    // Swaps two adjacent letters somewhere in the message, as fast typists do.
    private string AddTypo(string text)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var i = random.Next(text.Length - 1);
            if (char.IsLetter(text[i]) && char.IsLetter(text[i + 1]) && text[i] != text[i + 1])
            {
                var chars = text.ToCharArray();
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                return new string(chars);
            }
        }

        return text;
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];
}
