using static Governance.Domain.Tests.Privacy.Evaluation.Generator.EvalBuilder;

namespace Governance.Domain.Tests.Privacy.Evaluation.Generator;

/// <summary>CREDIT_CARD, IBAN_CODE and CRYPTO cases.</summary>
internal static class PaymentCases
{
    public static void Add(EvalBuilder b)
    {
        Cards(b);
        Ibans(b);
        Crypto(b);
    }

    private static string Card(EvalBuilder b, string prefix, int length)
    {
        var payload = prefix + b.Digits(length - 1 - prefix.Length, "0123456789")[..(length - 1 - prefix.Length)];
        return payload + EvalChecksums.Luhn(payload);
    }

    private static void Cards(EvalBuilder b)
    {
        const string T = "CREDIT_CARD";
        (string Prefix, int Length, string Brand)[] brands =
        [
            ("4", 16, "Visa"), ("4", 16, "Visa"), ("51", 16, "Mastercard"), ("55", 16, "Mastercard"), ("2221", 16, "Mastercard"),
            ("2720", 16, "Mastercard"), ("34", 15, "Amex"), ("37", 15, "Amex"), ("6011", 16, "Discover"), ("3530", 16, "JCB"),
            ("36", 14, "Diners Club"), ("62", 19, "UnionPay"), ("4", 19, "Visa"),
        ];
        foreach (var (prefix, length, brand) in brands)
        {
            var c = Card(b, prefix, length);
            int[] sizes = length switch { 15 => [4, 6, 5], 14 => [4, 6, 4], 19 => [4, 4, 4, 4, 3], _ => [4, 4, 4, 4] };
            var v = b.Random.NextDouble() < 0.6 ? Group(c, sizes) : c;
            b.Positive(T, $"Please charge my {brand} {v} for the renewal.", v);
        }

        var g = Group(Card(b, "4", 16), Fours(4), "-");
        b.Positive(T, $"cc: {g} exp 09/27", g);
        var bare = Card(b, "5", 16);
        b.Positive(T, $"The refund went back to card ending in the number {bare}, thanks.", bare);

        var zw = ZeroWidthed(Group(Card(b, "4", 16), Fours(4)));
        b.Evasion(T, $"my card is {zw} ok", zw, "zero-width spaces");
        var fw = FullWidth(Group(Card(b, "5", 16), Fours(4)));
        b.Evasion(T, $"card {fw} please", fw, "full-width digits");
        var dots = Group(Card(b, "4", 16), Fours(4), ".");
        b.Evasion(T, $"Visa {dots} for the hotel", dots, "dots");
        var slashes = Group(Card(b, "37", 15), [4, 6, 5], "/");
        b.Evasion(T, $"amex {slashes} on file", slashes, "slashes");
        var nb = Group(Card(b, "4", 16), Fours(4), NoBreak);
        b.Evasion(T, $"Card: {nb}", nb, "no-break spaces");
        var ar = ArabicIndic(Card(b, "2221", 16));
        b.Evasion(T, $"card number {ar}", ar, "Arabic-Indic digits");
        var d = Card(b, "6011", 16);
        var wj = string.Concat(d.Select((ch, i) => ch + (i % 4 == 3 && i < 15 ? "\u2060" : string.Empty)));
        b.Evasion(T, $"discover {wj} thanks", wj, "word joiners");
        var fwh = FullWidth(Group(Card(b, "4", 16), Fours(4), "-"));
        b.Evasion(T, $"pay with {fwh}", fwh, "full-width digits, hyphens");
        var spelled = string.Join(' ', Card(b, "4", 16).ToCharArray());
        b.Evasion(T, $"ref 12 then card {spelled} ok", spelled, "one digit per group, after another number");
        var padded = Group(Card(b, "5", 16), Fours(4));
        b.Evasion(T, $"codes {string.Join(' ', Enumerable.Range(10, 40))} {padded} end", padded, "after 40 short groups in one run");

        for (var i = 0; i < 3; i++)
        {
            b.NearMiss(T, $"Card {Group(CorruptLast(Card(b, "4", 16)), Fours(4))} was declined: wrong check digit.", "Luhn fails");
        }

        b.NearMiss(T, $"Mastercard {CorruptLast(Card(b, "5", 16))} typed wrong.", "Luhn fails");
        b.NearMiss(T, "Order number 100045632981 shipped yesterday.", "order number");
        b.NearMiss(T, "Event id 1700000000123 logged by the collector.", "timestamp in ms");
        b.NearMiss(T, "ISBN 978-0-306-40615-7 is the second edition.", "ISBN-13");
        b.NearMiss(T, "The tracking number 9400 1000 0000 0000 0000 00 is with USPS.", "USPS tracking");
        b.NearMiss(T, "Total due: $4,111.11 by Friday, invoice 2024-0001.", "price");
        b.NearMiss(T, $"Card {Group(CorruptLast(Card(b, "37", 15)), [4, 6, 5])} was refused.", "Amex, Luhn fails");
    }

    private static void Ibans(EvalBuilder b)
    {
        const string T = "IBAN_CODE";
        string D(int n) => b.Digits(n, "0123456789");
        (string Country, string Bban, int[] Sizes)[] ibans =
        [
            ("DE", D(18), Fours(5, 2)), ("GB", "NWBK" + D(14), Fours(5, 2)), ("FR", D(23), Fours(6, 3)), ("ES", D(20), Fours(6)),
            ("NL", "ABNA" + D(10), Fours(4, 2)), ("IT", "X" + D(22), Fours(6, 3)), ("BE", D(12), Fours(4)), ("CH", D(17), Fours(5, 1)),
            ("AT", D(16), Fours(5)), ("PL", D(24), Fours(7)),
        ];
        for (var i = 0; i < ibans.Length; i++)
        {
            var v = EvalChecksums.Iban(ibans[i].Country, ibans[i].Bban);
            v = i % 2 == 0 ? Group(v, ibans[i].Sizes) : v;
            b.Positive(T, $"Please transfer the deposit to IBAN {v} by Monday.", v);
        }

        var plain = EvalChecksums.Iban("DE", D(18));
        b.Positive(T, $"Send it to {plain}.", plain);
        var lower = Group(EvalChecksums.Iban("GB", "MIDL" + D(14)), Fours(5, 2)).ToLowerInvariant();
        b.Evasion(T, $"iban {lower} pls", lower, "lowercase");
        var compact = EvalChecksums.Iban("DE", D(18)).ToLowerInvariant();
        b.Evasion(T, $"account {compact}", compact, "lowercase compact");
        var zw = ZeroWidthed(Group(EvalChecksums.Iban("FR", D(23)), Fours(6, 3)));
        b.Evasion(T, $"IBAN: {zw}", zw, "zero-width spaces");
        var fw = FullWidthAll(EvalChecksums.Iban("ES", D(20)));
        b.Evasion(T, $"cuenta {fw}", fw, "full-width");
        var hy = Group(EvalChecksums.Iban("NL", "RABO" + D(10)), Fours(4, 2), "-");
        b.Evasion(T, $"bank account {hy}", hy, "hyphens");
        var nb = Group(EvalChecksums.Iban("DE", D(18)), Fours(5, 2), NoBreak);
        b.Evasion(T, $"IBAN {nb}", nb, "no-break spaces");
        var cyr = EvalChecksums.Iban("IT", "X" + D(22));
        cyr = "\u0406" + cyr[1..];
        b.Evasion(T, $"IBAN {cyr}", cyr, "Cyrillic I homoglyph");
        var encoded = Group(EvalChecksums.Iban("DE", D(18)), Fours(5, 2), "%20");
        b.Evasion(T, $"iban={encoded}&ok=1", encoded, "percent-encoded spaces");

        foreach (var (country, bban) in new[] { ("DE", D(18)), ("GB", "NWBK" + D(14)), ("FR", D(23)) })
        {
            var v = EvalChecksums.Iban(country, bban);
            v = v[..2] + $"{(int.Parse(v[2..4], System.Globalization.CultureInfo.InvariantCulture) + 1) % 100:00}" + v[4..];
            b.NearMiss(T, $"IBAN {v} was rejected by the bank.", "mod-97 fails");
        }

        b.NearMiss(T, $"Account {EvalChecksums.Iban("DE", D(18))}1 has one digit too many.", "wrong length");
        b.NearMiss(T, "Part number DE12BOSCH00045 is out of stock.", "part number");
        b.NearMiss(T, "Flight GB2249 departs at 10:40 from gate 12.", "flight code");
        b.NearMiss(T, $"Code XX{EvalChecksums.Iban("DE", D(18))[2..]} is no country.", "unknown country code");
    }

    private static string FullWidthAll(string s) =>
        string.Concat(s.Select(c => char.IsAsciiLetterOrDigit(c) ? (char)(c + 0xFEE0) : c));

    private static void Crypto(EvalBuilder b)
    {
        const string T = "CRYPTO";
        byte[] Bytes(int n) => [.. Enumerable.Range(0, n).Select(_ => (byte)b.Random.Next(256))];
        string P2(byte version) => EvalChecksums.Base58Check([version, .. Bytes(20)]);
        string[] positives =
        [
            P2(0), P2(0), P2(5), P2(5), EvalChecksums.Segwit(0, Bytes(20), 1), EvalChecksums.Segwit(0, Bytes(32), 1),
            EvalChecksums.Segwit(1, Bytes(32), 0x2bc830a3),
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        ];
        foreach (var v in positives)
        {
            b.Positive(T, $"Send the payment to wallet {v} today.", v);
        }

        var zw = P2(0);
        zw = zw[..10] + ZeroWidth + zw[10..];
        b.Evasion(T, $"btc {zw}", zw, "zero-width");
        var upper = EvalChecksums.Segwit(0, Bytes(20), 1).ToUpperInvariant();
        b.Evasion(T, $"BTC {upper}", upper, "upper-case bech32");
        var h = P2(5);
        var i = h.IndexOfAny(['a', 'e', 'o'], 1);
        if (i > 0)
        {
            var homoglyph = h[..i] + (h[i] switch { 'a' => '\u0430', 'e' => '\u0435', _ => '\u043E' }) + h[(i + 1)..];
            b.Evasion(T, $"wallet {homoglyph}", homoglyph, "Cyrillic homoglyph");
        }

        var fw = FullWidthAll("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        b.Evasion(T, $"eth {fw}", fw, "full-width");

        b.NearMiss(T, $"This address {P2(0)[..^1]}x is not valid.", "Base58Check fails");
        b.NearMiss(T, $"This address {P2(5)[..^2]}zz is not valid.", "Base58Check fails");
        var bech = EvalChecksums.Segwit(0, Bytes(20), 1);
        b.NearMiss(T, $"This address {bech[..^1]}{(bech[^1] == 'q' ? 'p' : 'q')} is not valid.", "Bech32 fails");
        b.NearMiss(T, "This address 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD is not valid.", "EIP-55 case wrong");
        b.NearMiss(T, "Commit 3f9a2c1b4d5e6f708192a3b4c5d6e7f8091a2b3c fixed it.", "git sha");
        b.NearMiss(T, $"Taproot with the wrong checksum {EvalChecksums.Segwit(1, Bytes(32), 1)} fails.", "Bech32 constant on a v1 address");
    }
}
