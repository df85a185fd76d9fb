using static Governance.Domain.Tests.Privacy.Evaluation.Generator.EvalBuilder;

namespace Governance.Domain.Tests.Privacy.Evaluation.Generator;

/// <summary>US, UK and EU national identifiers and the Aadhaar: positives, evasions and near-misses.</summary>
internal static class NationalCases
{
    public static void Add(EvalBuilder b)
    {
        UnitedStates(b);
        UnitedKingdom(b);
        Europe(b);
        India(b);
    }

    private static string Ssn(EvalBuilder b)
    {
        while (true)
        {
            var area = b.Random.Next(1, 900);
            if (area != 666)
            {
                return $"{area:000}-{b.Random.Next(1, 100):00}-{b.Random.Next(1, 10000):0000}";
            }
        }
    }

    private static string Itin(EvalBuilder b) => $"9{b.Random.Next(0, 100):00}-{b.Random.Next(70, 89)}-{b.Random.Next(0, 10000):0000}";

    private static string Aba(EvalBuilder b)
    {
        int[] prefixes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 21, 22, 26, 31, 61, 63, 71];
        var first8 = $"{b.Choice(prefixes):00}" + b.Digits(6, "0123456789");
        return first8 + EvalChecksums.Aba(first8);
    }

    private static string Nhs(EvalBuilder b)
    {
        while (true)
        {
            var p = b.Digits(9);
            var c = EvalChecksums.Nhs(p);
            if (c >= 0 && p.AsSpan().IndexOfAnyExcept(p[0]) >= 0)
            {
                return p + (char)('0' + c);
            }
        }
    }

    private static void UnitedStates(EvalBuilder b)
    {
        const string S = "US_SSN";
        for (var i = 0; i < 8; i++)
        {
            var v = Ssn(b);
            b.Positive(S, $"My SSN is {v}, please update the file.", v);
        }

        var spaced = Ssn(b).Replace('-', ' ');
        b.Positive(S, $"social security number {spaced}", spaced);
        var dots = Ssn(b).Replace('-', '.');
        b.Evasion(S, $"SSN {dots}", dots, "dots");
        var fw = FullWidth(Ssn(b));
        b.Evasion(S, $"ssn {fw}", fw, "full-width");
        var zw = Ssn(b).Replace("-", ZeroWidth + "-", StringComparison.Ordinal);
        b.Evasion(S, $"SSN: {zw}", zw, "zero-width");
        var nbh = Ssn(b).Replace('-', '\u2011');
        b.Evasion(S, $"SSN {nbh}", nbh, "non-breaking hyphens");
        var dv = Devanagari(Ssn(b));
        b.Evasion(S, $"ssn {dv}", dv, "Devanagari digits");
        foreach (var (v, note) in new[] { ("000-12-3456", "area 000"), ("666-12-3456", "area 666"), ("912-34-5678", "area 9xx"), ("123-00-4567", "group 00"),
                     ("123-45-0000", "serial 0000"), ("078-05-1120", "Woolworth"), ("123-45-6789", "textbook example") })
        {
            b.NearMiss(S, $"The SSN {v} on the form is void.", note);
        }

        b.NearMiss(S, "Ticket 212-55-8123-77 is assigned to ops.", "longer hyphenated id");

        const string I = "US_ITIN";
        for (var i = 0; i < 5; i++)
        {
            var v = Itin(b);
            b.Positive(I, $"My ITIN is {v} for the return.", v);
        }

        var ifw = FullWidth(Itin(b));
        b.Evasion(I, $"ITIN {ifw}", ifw, "full-width");
        var izw = Itin(b).Replace("-", "-" + ZeroWidth, StringComparison.Ordinal);
        b.Evasion(I, $"ITIN {izw}", izw, "zero-width");
        foreach (var v in new[] { "912-45-6789", "900-93-1234" })
        {
            b.NearMiss(I, $"ITIN {v} has an invalid group.", "group outside IRS ranges");
        }

        b.NearMiss(I, "Ticket 912-70-12345 is closed.", "five-digit serial");

        const string A = "ABA_ROUTING_NUMBER";
        for (var i = 0; i < 6; i++)
        {
            var v = Aba(b);
            b.Positive(A, $"Our bank routing number is {v} for direct deposit.", v);
        }

        var aba = Aba(b);
        b.Positive(A, $"ABA {aba}", aba);
        var afw = FullWidth(Aba(b));
        b.Evasion(A, $"routing number {afw}", afw, "full-width");
        var azw = Aba(b);
        azw = azw[..4] + ZeroWidth + azw[4..];
        b.Evasion(A, $"routing {azw}", azw, "zero-width");
        var ahy = Group(Aba(b), [4, 4, 1], "-");
        b.Evasion(A, $"routing number {ahy}", ahy, "4-4-1 hyphens");
        for (var i = 0; i < 3; i++)
        {
            b.NearMiss(A, $"routing number {CorruptLast(Aba(b))} was rejected.", "checksum fails");
        }

        b.NearMiss(A, "routing number 991234568 is not a Fed prefix.", "prefix 99");
    }

    private static void UnitedKingdom(EvalBuilder b)
    {
        const string T = "UK_NHS";
        for (var i = 0; i < 6; i++)
        {
            var v = Group(Nhs(b), [3, 3, 4]);
            b.Positive(T, $"Patient NHS number {v} attended clinic.", v);
        }

        var whole = Nhs(b);
        b.Positive(T, $"NHS no. {whole}", whole);
        var fw = FullWidth(Group(Nhs(b), [3, 3, 4]));
        b.Evasion(T, $"NHS {fw}", fw, "full-width");
        var zw = ZeroWidthed(Group(Nhs(b), [3, 3, 4]));
        b.Evasion(T, $"nhs number {zw}", zw, "zero-width");
        var dots = Group(Nhs(b), [3, 3, 4], ".");
        b.Evasion(T, $"NHS {dots}", dots, "dots");
        for (var i = 0; i < 3; i++)
        {
            b.NearMiss(T, $"NHS number {Group(CorruptLast(Nhs(b)), [3, 3, 4])} failed validation.", "mod-11 fails");
        }

        b.NearMiss(T, "NHS number 111 111 1111 is a placeholder.", "all same");

        const string N = "UK_NINO";
        foreach (var v in new[] { "AB 12 34 56 C", "JG103759A", "CE 38 29 41 D", "PR123456B", "SK 65 43 21 A" })
        {
            b.Positive(N, $"My national insurance number is {v}.", v);
        }

        b.Evasion(N, "NI number jg 10 37 59 a", "jg 10 37 59 a", "lowercase");
        b.Evasion(N, "NINO \uFF21\uFF22\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF23", "\uFF21\uFF22\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF23", "full-width");
        b.Evasion(N, "NINO AB-12-34-56-C", "AB-12-34-56-C", "hyphens");
        b.Evasion(N, "NINO \u0410\u0412123456\u0421", "\u0410\u0412123456\u0421", "Cyrillic A, B, C");
        foreach (var (v, note) in new[] { ("QQ 12 34 56 C", "prefix QQ"), ("BG123456A", "prefix BG"), ("AB123456E", "suffix E"), ("DA123456A", "first letter D") })
        {
            b.NearMiss(N, $"national insurance {v} is not allocated.", note);
        }

        b.NearMiss(N, "Part AB123456 is in stock.", "no suffix letter");
    }

    private static string DeTax(EvalBuilder b)
    {
        while (true)
        {
            var digits = Enumerable.Range(0, 10).OrderBy(_ => b.Random.Next()).Take(9).ToList();
            digits.Add(digits[b.Random.Next(9)]);
            var p = string.Concat(digits.OrderBy(_ => b.Random.Next()));
            var triple = Enumerable.Range(0, 8).Any(i => p[i] == p[i + 1] && p[i + 1] == p[i + 2]);
            if (p[0] != '0' && !triple)
            {
                return p + EvalChecksums.Mod11x10(p);
            }
        }
    }

    private static string Nif(EvalBuilder b)
    {
        var n = b.Digits(8);
        return n + EvalChecksums.NifLetters[int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) % 23];
    }

    private static string Nie(EvalBuilder b)
    {
        var x = b.Choice("XYZ");
        var n = b.Digits(7, "0123456789");
        return x + n + EvalChecksums.NifLetters[int.Parse("XYZ".IndexOf(x, StringComparison.Ordinal) + n, System.Globalization.CultureInfo.InvariantCulture) % 23];
    }

    public static string FiscalCode(EvalBuilder b)
    {
        var s = string.Concat(Enumerable.Range(0, 3).Select(_ => b.Choice("BCDFGHLMNPRSTVZ")))
            + string.Concat(Enumerable.Range(0, 3).Select(_ => b.Choice("BCDFGHLMNPRSTVZAEIOU")))
            + $"{b.Random.Next(40, 100)}{b.Choice("ABCDEHLMPRST")}{(b.Random.Next(2) == 0 ? b.Random.Next(1, 29) : b.Random.Next(41, 69)):00}"
            + $"{b.Choice("FHL")}{b.Random.Next(100, 1000)}";
        return s + EvalChecksums.FiscalControl(s);
    }

    private static void Europe(EvalBuilder b)
    {
        const string D = "DE_TAX_ID";
        for (var i = 0; i < 6; i++)
        {
            var v = DeTax(b);
            b.Positive(D, $"Meine Steuer-ID (tax id) ist {v}.", v);
        }

        var grouped = Group(DeTax(b), [2, 3, 3, 3]);
        b.Positive(D, $"Steuer-IdNr {grouped}", grouped);
        var fw = FullWidth(DeTax(b));
        b.Evasion(D, $"Steuer-ID {fw}", fw, "full-width");
        var zw = DeTax(b);
        zw = zw[..5] + ZeroWidth + zw[5..];
        b.Evasion(D, $"tax id {zw}", zw, "zero-width");
        var dots = Group(DeTax(b), [2, 3, 3, 3], ".");
        b.Evasion(D, $"Steuer-ID {dots}", dots, "dots");
        for (var i = 0; i < 2; i++)
        {
            b.NearMiss(D, $"Steuer-ID {CorruptLast(DeTax(b))} ist ungültig.", "check digit fails");
        }

        b.NearMiss(D, "Steuer-ID 12345678901 is made up.", "no repeated digit");

        const string F = "ES_NIF";
        for (var i = 0; i < 6; i++)
        {
            var v = Nif(b);
            b.Positive(F, $"Mi DNI es {v}, gracias.", v);
        }

        var hy = Nif(b);
        hy = hy[..8] + "-" + hy[8];
        b.Positive(F, $"NIF {hy}", hy);
        var nfw = Nif(b);
        nfw = FullWidth(nfw[..8]) + nfw[8];
        b.Evasion(F, $"DNI {nfw}", nfw, "full-width");
        var lower = Nif(b).ToLowerInvariant();
        b.Evasion(F, $"dni {lower}", lower, "lowercase letter");
        var n = Nif(b);
        var dotted = $"{n[..2]}.{n[2..5]}.{n[5..8]} {n[8]}";
        b.Evasion(F, $"NIF {dotted}", dotted, "dotted");
        for (var i = 0; i < 2; i++)
        {
            var v = Nif(b);
            b.NearMiss(F, $"DNI {v[..8]}{EvalChecksums.NifLetters[(EvalChecksums.NifLetters.IndexOf(v[8], StringComparison.Ordinal) + 1) % 23]} no es válido.", "control letter wrong");
        }

        b.NearMiss(F, "Ref 12345678 sin letra.", "no control letter");

        const string E = "ES_NIE";
        for (var i = 0; i < 5; i++)
        {
            var v = Nie(b);
            b.Positive(E, $"Mi NIE es {v}.", v);
        }

        var nl = Nie(b).ToLowerInvariant();
        b.Evasion(E, $"nie {nl}", nl, "lowercase");
        var nh = Nie(b);
        nh = nh[0] + "-" + nh[1..8] + "-" + nh[8];
        b.Evasion(E, $"NIE {nh}", nh, "hyphens");
        var nz = Nie(b);
        nz = nz[..4] + ZeroWidth + nz[4..];
        b.Evasion(E, $"NIE {nz}", nz, "zero-width");
        for (var i = 0; i < 2; i++)
        {
            var v = Nie(b);
            b.NearMiss(E, $"NIE {v[..8]}{EvalChecksums.NifLetters[(EvalChecksums.NifLetters.IndexOf(v[8], StringComparison.Ordinal) + 1) % 23]} no es válido.", "control letter wrong");
        }

        b.NearMiss(E, "Modelo W1234567L no existe.", "prefix W");

        const string C = "IT_FISCAL_CODE";
        for (var i = 0; i < 6; i++)
        {
            var v = FiscalCode(b);
            b.Positive(C, $"Il mio codice fiscale è {v}.", v);
        }

        var cl = FiscalCode(b).ToLowerInvariant();
        b.Evasion(C, $"codice fiscale {cl}", cl, "lowercase");
        var cz = FiscalCode(b);
        cz = cz[..6] + ZeroWidth + cz[6..];
        b.Evasion(C, $"cf {cz}", cz, "zero-width");
        var cf = FiscalCode(b);
        var cfw = string.Concat(cf.Select(ch => (char)(ch + 0xFEE0)));
        b.Evasion(C, $"codice fiscale {cfw}", cfw, "full-width");
        for (var i = 0; i < 2; i++)
        {
            var v = FiscalCode(b);
            b.NearMiss(C, $"codice fiscale {v[..15]}{(char)('A' + ((v[15] - 'A' + 1) % 26))} errato.", "control letter wrong");
        }

        b.NearMiss(C, "Product key ABCDEF12G34H567I is expired.", "sixteen characters, wrong control letter");
    }

    private static string Aadhaar(EvalBuilder b)
    {
        while (true)
        {
            var p = b.Digits(11, "23456789");
            var a = p + EvalChecksums.Verhoeff(p);
            if (a != new string(a.Reverse().ToArray()))
            {
                return a;
            }
        }
    }

    private static void India(EvalBuilder b)
    {
        const string T = "IN_AADHAAR";
        for (var i = 0; i < 6; i++)
        {
            var v = Group(Aadhaar(b), [4, 4, 4]);
            b.Positive(T, $"My Aadhaar number is {v}.", v);
        }

        var whole = Aadhaar(b);
        b.Positive(T, $"aadhaar {whole}", whole);
        var dv = Devanagari(Group(Aadhaar(b), [4, 4, 4]));
        b.Evasion(T, $"Aadhaar {dv}", dv, "Devanagari digits");
        var zw = ZeroWidthed(Group(Aadhaar(b), [4, 4, 4]));
        b.Evasion(T, $"aadhaar {zw}", zw, "zero-width");
        var hy = Group(Aadhaar(b), [4, 4, 4], "-");
        b.Evasion(T, $"UID {hy}", hy, "hyphens");
        for (var i = 0; i < 2; i++)
        {
            b.NearMiss(T, $"Aadhaar {Group(CorruptLast(Aadhaar(b)), [4, 4, 4])} failed Verhoeff.", "Verhoeff fails");
        }

        var p = "1" + b.Digits(10, "0123456789");
        b.NearMiss(T, $"Aadhaar {Group(p + EvalChecksums.Verhoeff(p), [4, 4, 4])} starts with 1.", "first digit 1");
    }
}
