using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// PHONE_NUMBER: international numbers ("+" or "00" and a country code; numbering plans checked for +1,
/// +44, +49, +33, +91) and national numbers of the US/CA, UK, DE, FR and IN. A bare run of digits
/// scores under the threshold and needs a context word; a formatted or international one does not.
/// </summary>
public sealed class PhoneRecognizer : IPiiRecognizer
{
    public const string EntityType = "PHONE_NUMBER";

    public string Name => nameof(PhoneRecognizer);

    public IReadOnlyList<string> EntityTypes { get; } = [EntityType];

    // A national-format number labelled as another identifier ("NHS number 514 566 1143", "order 212 555
    // 0143") is that identifier, valid or not, and no phone: these labels are negative context.
    private static readonly string[] OtherIds =
    [
        "nhs", "ssn", "itin", "routing", "aba", "aadhaar", "uid", "nino", "dni", "nif", "nie", "steuer", "iban", "account",
        "order", "invoice", "ticket", "isbn", "serial", "tracking", "reference", "ref", "case", "build", "version", "policy",
    ];

    private const double CutFromRunPenalty = 0.3;

    private static readonly string[] Fillers = ["number", "no", "nr", "num", "id", "code"];

    public IReadOnlyList<string> ContextWords { get; } =
        ["phone", "telephone", "tel", "call", "mobile", "cell", "fax", "contact", "whatsapp", "sms", "ring", "dial", "number"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        Span<Range> groups = stackalloc Range[PhoneRuns.MaxGroups];
        Span<byte> digits = stackalloc byte[17];
        var position = 0;
        int count;
        while ((count = PhoneRuns.Next(s, ref position, groups)) > 0)
        {
            var run = groups[..count];

            // After "+CC " the rest belongs to that number: no national number is looked for inside it.
            var runStart = run[0].Start.Value;
            var firsts = runStart > 0 && s[runStart - 1] == '+' ? 1 : count;
            for (var first = 0; first < firsts; first++)
            {
                if (first > 0 && !PhoneRuns.IsCut(s, run, first))
                {
                    continue;
                }

                var start = run[first].Start.Value;
                start = start > 0 && s[start - 1] == '(' ? start - 1 : start;
                var plus = start > 0 && s[start - 1] == '+';
                start = plus ? start - 1 : start;
                if (start > 0 && (DigitScanner.IsWordChar(s[start - 1]) || s[start - 1] is '+' or '-' or '.' or '/'))
                {
                    continue;
                }

                Windows(s, run, first, start, plus, digits, results);
            }
        }
    }

    private static bool IsCutFromRun(ReadOnlySpan<char> s, int start, int end) =>
        (start >= 2 && DigitScanner.IsSpace(s[start - 1]) && DigitScanner.IsDigit(s[start - 2]))
        || (end + 1 < s.Length && DigitScanner.IsSpace(s[end]) && DigitScanner.IsDigit(s[end + 1]));

    private static bool IsSingleDigits(ReadOnlySpan<char> s, ReadOnlySpan<Range> window)
    {
        if (window.Length < 5)
        {
            return false;
        }

        foreach (var g in window)
        {
            if (g.GetOffsetAndLength(s.Length).Length > 1)
            {
                return false;
            }
        }

        return true;
    }

    private void Windows(ReadOnlySpan<char> s, ReadOnlySpan<Range> run, int first, int start, bool plus, Span<byte> digits, List<PiiCandidate> results)
    {
        var n = 0;
        for (var last = first; last < run.Length; last++)
        {
            var group = s[run[last]];
            var trunk = plus && last > first && group is "0" && s[run[last].Start.Value - 1] == '(';
            if (!trunk)
            {
                if (n + group.Length > digits.Length)
                {
                    return;
                }

                for (var k = 0; k < group.Length; k++)
                {
                    digits[n++] = (byte)(group[k] - '0');
                }
            }

            var end = run[last].End.Value;
            var endOk = last < run.Length - 1 ? PhoneRuns.IsCut(s, run, last + 1) : end == s.Length || !DigitScanner.IsWordChar(s[end]);
            if (!endOk || n < 7)
            {
                continue;
            }

            var number = digits[..n];
            var international = plus || (n > 2 && number[0] == 0 && number[1] == 0);
            var score = plus ? PhonePlans.International(number)
                : international ? PhonePlans.International(number[2..])
                : PhonePlans.National(number, last > first || s[start] == '(');
            // Cut out of a longer run of groups ("0796 5223 9306" in "4722 0796 5223 9306"): only with
            // context. A '+' starts a number whatever comes before it, so international ones are exempt.
            score -= score > 0 && !plus && IsCutFromRun(s, start, end) ? CutFromRunPenalty : 0;
            // Five or more single digits ("4 5 3 4 5 5 4 3 2 1") read as a list of small numbers
            // (scores, counts) more often than as a phone number: a national one then needs context.
            score -= score > 0 && !plus && IsSingleDigits(s, run[first..(last + 1)]) ? CutFromRunPenalty : 0;
            if (score > 0 && number.IndexOfAnyExcept(number[^1]) >= 0 && (plus || !Labels.IsLabelledWithin2Words(s, start, OtherIds, Fillers)))
            {
                results.Add(new PiiCandidate(EntityType, start, end, score, Name));
            }
        }
    }
}
