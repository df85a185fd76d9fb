using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Privacy.Checksums;
using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Tests.Privacy.Recognizers;

/// <summary>Generated valid cards and IBANs are found with their exact span; no single-digit change of one is.</summary>
public sealed class ChecksumPropertyTests
{
    private static readonly string[] CardPrefixes = ["4", "51", "55", "2221", "2720", "34", "37", "6011", "65", "3530", "62"];
    private static readonly string[] Separators = ["", " ", "-", ".", "\u200B"];

    [Fact]
    public void Card_GeneratedValid_IsFoundWithItsSpan() =>
        Prop.ForAll(Cards().ToArbitrary(), Gen.Elements(Separators).ToArbitrary(), (card, separator) =>
        {
            var written = Group(card, separator);
            var text = $"my card: {written}, thanks";
            return Detect.Spans(new CreditCardRecognizer(), text, threshold: 0.5) is [var found] && found == written;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Card_AnySingleDigitChange_IsNotReported() =>
        Prop.ForAll(Cards().ToArbitrary(), Gen.Choose(0, 18).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (card, at, delta) =>
        {
            var index = at % card.Length;
            var changed = card[..index] + (char)('0' + ((card[index] - '0' + delta) % 10)) + card[(index + 1)..];
            return Detect.Raw(new CreditCardRecognizer(), $"card {changed}").Count == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Iban_AnySingleCharacterChange_IsNotReported() =>
        Prop.ForAll(Gen.Elements(ValidIbans).ToArbitrary(), Gen.Choose(2, 33).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (iban, at, delta) =>
        {
            var index = 2 + (at % (iban.Length - 2));
            var c = iban[index];
            var replaced = char.IsAsciiDigit(c) ? (char)('0' + ((c - '0' + delta) % 10)) : (char)('A' + ((c - 'A' + delta) % 26));
            var changed = iban[..index] + replaced + iban[(index + 1)..];
            return Detect.Raw(new IbanRecognizer(), $"IBAN {changed}").Count == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Iban_GeneratedValid_IsFoundGroupedOrNot() =>
        Prop.ForAll(Gen.Choose(0, 9).ArrayOf(18).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (bban, grouped) =>
        {
            var iban = WithCheckDigits("DE", string.Concat(bban));
            var written = grouped ? Group(iban, " ") : iban;
            return Detect.Single(new IbanRecognizer(), $"pay {written}.") == written;
        }).QuickCheckThrowOnFailure();

    private static readonly string[] ValidIbans =
        ["DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300", "NO9386011117947"];

    private static Gen<string> Cards() =>
        from prefix in Gen.Elements(CardPrefixes)
        from body in Gen.Choose(0, 9).ArrayOf(14)
        select WithLuhn(prefix + string.Concat(body)[..(15 - prefix.Length - (prefix is "34" or "37" ? 1 : 0))]);

    private static string WithLuhn(string payload)
    {
        var digits = new byte[payload.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (byte)(payload[i] - '0');
        }

        return payload + Luhn.CheckDigit(digits);
    }

    private static string WithCheckDigits(string country, string bban)
    {
        var check = 98 - Mod97Of(bban + country + "00");
        return $"{country}{check:00}{bban}";
    }

    private static int Mod97Of(string value)
    {
        var remainder = 0;
        foreach (var c in value)
        {
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + c - '0') % 97 : ((remainder * 100) + c - 'A' + 10) % 97;
        }

        return remainder;
    }

    private static string Group(string value, string separator)
    {
        var parts = new List<string>();
        for (var i = 0; i < value.Length; i += 4)
        {
            parts.Add(value[i..Math.Min(value.Length, i + 4)]);
        }

        return string.Join(separator, parts);
    }
}
