using Governance.Domain.Privacy.Checksums;
using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// CREDIT_CARD: 12-19 digits, whole or in groups (any of space, '-', '.', '/' between groups), Luhn-valid.
/// A known brand range for its length gives 1.0; a Luhn-valid number of no known brand needs context.
/// A window cut out of a longer run of groups counts only when it is grouped as cards are printed
/// (4-4-4-4 and the like) and of a known brand: one in ten windows of any longer number passes Luhn, so "4747 6629 9447"
/// inside "4747 6629 9447 4607" is no card, while a real card after other numbers ("ref 12 4111 1111 1111 1111") is.
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
        // A card has at most 19 groups (one digit each), so chunks of a long run overlap by 18.
        while ((count = DigitScanner.NextRun(s, ref position, groups, 18, out var seen)) > 0)
        {
            var run = groups[..count];
            for (var first = 0; first < count; first++)
            {
                for (var last = Math.Max(first, seen); last < count; last++)
                {
                    var n = DigitScanner.DigitCount(run, first, last);
                    if (n > 19)
                    {
                        break;
                    }

                    var whole = DigitScanner.IsWholeRun(s, run, first, last);
                    if (n < 12 || !DigitScanner.IsWindow(s, run, first, last) || (!whole && !CardGroupings.IsCardGrouping(run, first, last)))
                    {
                        continue;
                    }

                    var number = digits[..DigitScanner.CopyDigits(s, run, first, last, digits)];
                    var brand = CardBrands.IsKnown(number);
                    // Thirteen digits after a 1 are no card of any scheme (UATP's are fifteen); Presidio's pattern excludes them too.
                    var unissued = number.Length == 13 && number[0] == 1;
                    if ((whole || brand) && !unissued && Luhn.IsValid(number) && number.IndexOfAnyExcept(number[0]) >= 0)
                    {
                        var score = brand ? BrandScore : UnbrandedScore;
                        results.Add(new PiiCandidate(EntityType, run[first].Start.Value, run[last].End.Value, score, Name));
                    }
                }
            }
        }
    }
}
