using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Privacy.National;

namespace Governance.Domain.Tests.Privacy.National;

/// <summary>
/// US_SSN issuing rules, DE_TAX_ID, ES_NIF/NIE and IT_FISCAL_CODE: values generated here by the
/// published rules (computed independently of the recognizers) are found, and every single-character
/// corruption of a checksummed one is not.
/// </summary>
public sealed class IdRulePropertyTests
{
    private const string NifLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    private static readonly string[] VoidedSsns = ["078-05-1120", "219-09-9999", "123-45-6789"];

    [Fact]
    public void Ssn_GeneratedWithinTheIssuingRules_IsFound() =>
        Prop.ForAll(Gen.Choose(1, 899).ToArbitrary(), Gen.Choose(1, 99).ToArbitrary(), Gen.Choose(1, 9999).ToArbitrary(), (area, group, serial) =>
        {
            var ssn = $"{(area == 666 ? 667 : area):000}-{group:00}-{serial:0000}";
            var digits = ssn.Replace("-", string.Empty, StringComparison.Ordinal);
            var excluded = digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0 || VoidedSsns.Contains(ssn);
            return excluded || Scan.Found(new UsSsnRecognizer(), $"SSN {ssn}.") is [var found] && found == ssn;
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("078-05-1120")]
    [InlineData("219-09-9999")]
    [InlineData("123-45-6789")]
    [InlineData("111-11-1111")]
    public void Ssn_VoidedOrAllSame_IsNotFound(string ssn) => Assert.Empty(Scan.Run(new UsSsnRecognizer(), $"SSN {ssn}."));

    [Fact]
    public void Ssn_BreakingAnyIssuingRule_IsNotFound() =>
        Prop.ForAll(BrokenSsns().ToArbitrary(), ssn => Scan.Run(new UsSsnRecognizer(), $"SSN {ssn}.").Count == 0).QuickCheckThrowOnFailure();

    // A valid area, group and serial, then one rule broken: area 000, 666 or 9xx, group 00, serial 0000.
    private static Gen<string> BrokenSsns() =>
        from area in Gen.Choose(1, 665)
        from groupNumber in Gen.Choose(1, 99)
        from serial in Gen.Choose(1, 9999)
        from broken in Gen.Choose(0, 4)
        select broken switch
        {
            0 => $"000-{groupNumber:00}-{serial:0000}",
            1 => $"666-{groupNumber:00}-{serial:0000}",
            2 => $"{900 + (area % 100)}-{groupNumber:00}-{serial:0000}",
            3 => $"{area:000}-00-{serial:0000}",
            _ => $"{area:000}-{groupNumber:00}-0000",
        };

    [Fact]
    public void DeTaxId_GeneratedValid_FoundAndEverySingleDigitChangeNot() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            // Nine distinct digits plus one of them again, shuffled; no leading zero, no three in a row.
            var random = new Random(seed);
            var digits = Enumerable.Range(0, 10).OrderBy(_ => random.Next()).Take(9).ToList();
            digits.Add(digits[random.Next(9)]);
            var first10 = digits.OrderBy(_ => random.Next()).ToList();
            if (first10[0] == 0 || HasAdjacentTriple(first10))
            {
                return true; // outside the rules: nothing to check
            }

            var id = string.Concat(first10) + Mod11x10(first10);
            return Scan.Found(new DeTaxIdRecognizer(), $"Steuer-ID {id}.") is [var found] && found == id
                && EveryDigitChange(id, changed => Scan.Run(new DeTaxIdRecognizer(), $"Steuer-ID {changed}.").Count == 0);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void EsNif_GeneratedValid_FoundAndEverySingleCharacterChangeNot() =>
        Prop.ForAll(Gen.Choose(0, 99_999_999).ToArbitrary(), number =>
        {
            var nif = $"{number:00000000}{NifLetters[number % 23]}";
            return Scan.Found(new EsNifRecognizer(), $"DNI {nif}.") is [var found] && found == nif
                && EveryDigitChange(nif, changed => Scan.Run(new EsNifRecognizer(), $"DNI {changed}.").Count == 0)
                && EveryOtherLetter(nif, 8, changed => Scan.Run(new EsNifRecognizer(), $"DNI {changed}.").Count == 0);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void EsNie_GeneratedValid_FoundAndEverySingleCharacterChangeNot() =>
        Prop.ForAll(Gen.Choose(0, 2).ToArbitrary(), Gen.Choose(0, 9_999_999).ToArbitrary(), (prefix, number) =>
        {
            var nie = $"{"XYZ"[prefix]}{number:0000000}{NifLetters[((prefix * 10_000_000) + number) % 23]}";
            var otherPrefixes = "XYZ".Replace(nie[0].ToString(), string.Empty, StringComparison.Ordinal);
            return Scan.Found(new EsNieRecognizer(), $"NIE {nie}.") is [var found] && found == nie
                && EveryDigitChange(nie, changed => Scan.Run(new EsNieRecognizer(), $"NIE {changed}.").Count == 0)
                && EveryOtherLetter(nie, 8, changed => Scan.Run(new EsNieRecognizer(), $"NIE {changed}.").Count == 0)
                && otherPrefixes.All(p => Scan.Run(new EsNieRecognizer(), $"NIE {p}{nie[1..]}.").Count == 0);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ItFiscalCode_GeneratedValid_FoundAndEverySingleCharacterChangeNot() =>
        Prop.ForAll(FiscalCodes().ToArbitrary(), code =>
            Scan.Found(new ItFiscalCodeRecognizer(), $"codice fiscale {code}.") is [var found] && found == code
            && EveryDigitChange(code, changed => Scan.Run(new ItFiscalCodeRecognizer(), $"cf {changed}.").Count == 0)
            && Enumerable.Range(0, 16).Where(i => char.IsAsciiLetter(code[i]))
                .All(i => EveryOtherLetter(code, i, changed => Scan.Run(new ItFiscalCodeRecognizer(), $"cf {changed}.").Count == 0)))
        .QuickCheckThrowOnFailure();

    private static Gen<string> FiscalCodes() =>
        from letters in Gen.Elements("BCDFGHLMNPRSTVZAEIOU".ToCharArray()).ArrayOf(6)
        from year in Gen.Choose(0, 99)
        from month in Gen.Elements("ABCDEHLMPRST".ToCharArray())
        from day in Gen.OneOf(Gen.Choose(1, 31), Gen.Choose(41, 71))
        from place in Gen.Elements("ABFHLZ".ToCharArray())
        from town in Gen.Choose(100, 999)
        let body = $"{new string(letters)}{year:00}{month}{day:00}{place}{town}"
        select body + FiscalControl(body);

    // Odd positions (1st, 3rd, ...) map 0-9 and A-Z through this table; even ones count 0-9 and A=0..Z=25.
    private static readonly int[] OddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    private static char FiscalControl(string first15)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var value = char.IsAsciiDigit(first15[i]) ? first15[i] - '0' : first15[i] - 'A';
            sum += i % 2 == 0 ? OddValues[value] : value;
        }

        return (char)('A' + (sum % 26));
    }

    private static int Mod11x10(IReadOnlyList<int> digits)
    {
        var product = 10;
        foreach (var d in digits)
        {
            var sum = (d + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }

        return (11 - product) % 10;
    }

    private static bool HasAdjacentTriple(List<int> d) => Enumerable.Range(0, d.Count - 2).Any(i => d[i] == d[i + 1] && d[i + 1] == d[i + 2]);

    private static bool EveryDigitChange(string id, Func<string, bool> notFound)
    {
        for (var i = 0; i < id.Length; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                continue;
            }

            for (var k = 1; k < 10; k++)
            {
                var changed = id[..i] + (char)('0' + ((id[i] - '0' + k) % 10)) + id[(i + 1)..];
                if (!notFound(changed))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool EveryOtherLetter(string id, int at, Func<string, bool> notFound)
    {
        for (var c = 'A'; c <= 'Z'; c++)
        {
            if (c != id[at] && !notFound(id[..at] + c + id[(at + 1)..]))
            {
                return false;
            }
        }

        return true;
    }
}
