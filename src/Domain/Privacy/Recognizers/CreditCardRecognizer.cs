using Governance.Domain.Privacy.Checksums;
using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// CREDIT_CARD: 12-19 digits, whole or in groups (any of space, '-', '.', '/' between groups), Luhn-valid.
/// A known brand range for its length gives 1.0; a Luhn-valid number of no known brand needs context.
/// </summary>
public sealed class CreditCardRecognizer : IPiiRecognizer
{
    public const string EntityType = "CREDIT_CARD";
    private const double BrandScore = 1.0;
    private const double UnbrandedScore = 0.3;

    public string Name => nameof(CreditCardRecognizer);

    public IReadOnlyList<string> EntityTypes { get; } = [EntityType];

    public IReadOnlyList<string> ContextWords { get; } =
        ["credit", "card", "visa", "mastercard", "amex", "discover", "jcb", "diners", "maestro", "unionpay", "cc", "pan", "debit"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        Span<Range> groups = stackalloc Range[DigitScanner.MaxGroups];
        Span<byte> digits = stackalloc byte[19];
        var position = 0;
        int count;
        while ((count = DigitScanner.NextRun(s, ref position, groups)) > 0)
        {
            var run = groups[..count];
            for (var first = 0; first < count; first++)
            {
                for (var last = first; last < count; last++)
                {
                    var n = DigitScanner.DigitCount(run, first, last);
                    if (n > 19)
                    {
                        break;
                    }

                    if (n < 12 || !DigitScanner.IsWindow(s, run, first, last))
                    {
                        continue;
                    }

                    var number = digits[..DigitScanner.CopyDigits(s, run, first, last, digits)];
                    if (Luhn.IsValid(number) && number.IndexOfAnyExcept(number[0]) >= 0)
                    {
                        var score = CardBrands.IsKnown(number) ? BrandScore : UnbrandedScore;
                        results.Add(new PiiCandidate(EntityType, run[first].Start.Value, run[last].End.Value, score, Name));
                    }
                }
            }
        }
    }
}
