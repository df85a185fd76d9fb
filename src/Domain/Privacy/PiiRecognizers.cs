using Governance.Domain.Privacy.Patterns;
using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Privacy;

/// <summary>Presidio's global recognizers (those that need no language model), each checksum-validated where the format has one.</summary>
public static class PiiRecognizers
{
    public static IReadOnlyList<IPiiRecognizer> Global { get; } =
    [
        new CreditCardRecognizer(),
        new IbanRecognizer(),
        new EmailRecognizer(),
        new UrlRecognizer(),
        new IpRecognizer(),
        new MacAddressRecognizer(),
        new PhoneRecognizer(),
        new CryptoRecognizer(),
        new DateTimeRecognizer(),
        DatePatternRecognizers.ShortForms,
    ];
}
