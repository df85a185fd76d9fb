namespace Governance.Domain.Tests.Privacy.Evaluation.Generator;

/// <summary>EMAIL_ADDRESS, PHONE_NUMBER, IP_ADDRESS, URL, MAC_ADDRESS, DATE_TIME and PERSON cases.</summary>
internal static class ContactCases
{
    public static void Add(EvalBuilder b)
    {
        Each(b, "EMAIL_ADDRESS", "Write to {0} if anything changes.",
            ["jane.doe@example.com", "a.b-c+tag@mail.example.co.uk", "support@contoso.io", "x_y@sub.domain.org", "first.last@uni.edu", "ops-team@example.net"]);
        Evasions(b, "EMAIL_ADDRESS", "my email is {0} thanks",
        [
            ("jane%40example.com", "%40 for @"), ("jane\uFF20example.com", "full-width at"), ("j\u0430\u0435@ex\u0430mple.com", "Cyrillic homoglyphs"),
            ("jo\u200Bhn@example.com", "zero-width space"), ("bob%2Esmith@example.com", "%2E for dot"), ("JANE.DOE@EXAMPLE.COM", "upper case"),
        ]);
        NearMisses(b, "EMAIL_ADDRESS",
        [
            "Use the @example handle on the forum.", "The decorator @property is used here.", "Meet at 5 @ the cafe.", "git@ is not an address",
            "Price is 3@5 units.", "Ping @jane_doe on chat.",
        ]);

        Each(b, "PHONE_NUMBER", "Call me on {0} after six.",
            ["+1 415 555 2671", "(212) 555-0188", "+44 20 7946 0958", "020 7946 0958", "+49 30 901820", "+33 1 42 68 53 00", "+91 98765 43210", "+1-650-253-0000"]);
        Evasions(b, "PHONE_NUMBER", "phone {0}",
        [
            ("+1 \uFF14\uFF11\uFF15 \uFF15\uFF15\uFF15 \uFF12\uFF16\uFF17\uFF11", "full-width"), ("+44\u200B20\u200B7946\u200B0958", "zero-width"),
            ("+1.415.555.2671", "dots"), ("+\u0664\u0664 \u0662\u0660 \u0667\u0669\u0664\u0666 \u0660\u0669\u0665\u0668", "Arabic-Indic digits"),
        ]);
        NearMisses(b, "PHONE_NUMBER",
        [
            "Release 2.4.1 ships with 415 fixes.", "The room is 12 by 15 feet.", "Build 20240115 passed.", "Call 911 in an emergency.",
            "Order 212 555 0143 has shipped.", "Invoice number 415-555-2671 is overdue.",
        ]);

        Each(b, "IP_ADDRESS", "The request came from {0} this morning.",
            ["192.168.1.24", "10.0.0.1", "203.0.113.77", "2001:db8::8a2e:370:7334", "fe80::1ff:fe23:4567:890a", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"]);
        Evasions(b, "IP_ADDRESS", "client ip {0}",
            [("192.168.\uFF11.\uFF12\uFF14", "full-width"), ("10\u200B.0.0.5", "zero-width"), ("2001:DB8::1", "upper-case IPv6")]);
        NearMisses(b, "IP_ADDRESS",
        [
            "Upgrade to version 1.2.3.4.5 today.", "The value 999.1.1.1 is not valid.", "Section 3.2.1.4 of the contract applies.", "Ratio 12:30:45 in the log.",
            "Use version 10.0.0.1 of the driver.", "Octets 256.1.1.300 are out of range.",
        ]);

        Each(b, "URL", "See {0} for details.",
            ["https://www.example.com/path?q=1", "http://intranet.contoso.local/wiki", "https://example.org", "www.example.co.uk/about", "ftp://files.example.com/a.zip"]);
        Evasions(b, "URL", "See {0} for details.",
        [
            ("https://\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45.com/x", "full-width letters"), ("https%3A%2F%2Fexample.com%2Fpath", "percent-encoded"),
            ("HTTPS://WWW.EXAMPLE.COM/A", "upper case"),
        ]);
        NearMisses(b, "URL",
            ["The file is report.final.docx in the share.", "Use e.g. the default settings.", "See section 4.1 for details.", "It ended... then resumed."]);

        Each(b, "MAC_ADDRESS", "The device MAC is {0} on the lab network.", ["00:1A:2B:3C:4D:5E", "a4-5e-60-c2-19-0b", "0017.88ab.cd01", "3C:22:FB:12:9A:77"]);
        Evasions(b, "MAC_ADDRESS", "mac {0}",
            [("\uFF100:1A:2B:3C:4D:5F", "full-width digit"), ("00:1\u200BA:2B:3C:4D:5E", "zero-width"), ("00:1\u0410:2B:3C:4D:5E", "Cyrillic A")]);
        NearMisses(b, "MAC_ADDRESS",
            ["The meeting runs 10:15:20:25:30:35 in slots.", "Hash prefix ab:cd:ef only.", "Times 12:30:45:00 were logged.", "Key ab-cd-ef-01-23 is short."]);

        Each(b, "DATE_TIME", "Patient was born on {0} per the chart.", ["12/03/1985", "1990-07-14", "3 March 1978", "March 12, 2001", "14.07.1969", "2023-11-02T09:30:00"]);
        Evasions(b, "DATE_TIME", "DOB: {0}",
            [("\uFF10\uFF13/\uFF11\uFF12/\uFF11\uFF19\uFF18\uFF15", "full-width"), ("1990-07-\u200B14", "zero-width"), ("\u0967\u096F\u096F\u0966-\u0966\u096D-\u0967\u096A", "Devanagari digits")]);
        NearMisses(b, "DATE_TIME",
            ["The date 31/02/2020 in the form is impossible.", "Birth year column shows 2024-13-45.", "Version 10.12.2023a is out.", "Score 12/45 on the test."]);

        foreach (var v in new[] { "John Smith", "Mary Johnson", "Sarah Lee", "David Martinez", "Jennifer Wilson" })
        {
            b.Positive("PERSON", $"Dear {v}, your order has shipped.", v);
        }

        b.Positive("PERSON", "Signed: Patricia Garcia, Head of HR.", "Patricia Garcia");
        Evasions(b, "PERSON", "Dear {0}, welcome.",
        [
            ("J\u043Ehn Smith", "Cyrillic o"), ("\uFF2A\uFF4F\uFF48\uFF4E \uFF33\uFF4D\uFF49\uFF54\uFF48", "full-width letters"),
            ("Jo\u200Bhn Smith", "zero-width"), ("JOHN SMITH", "upper case"),
        ]);
        NearMisses(b, "PERSON",
        [
            "Will you mark the grant as approved?", "We need a bill for the May delivery.", "The rose garden is in the white house.",
            "Set the pin to the smithing level.", "The patterns repeat every week.",
        ]);
    }

    private static void Each(EvalBuilder b, string type, string template, string[] values)
    {
        foreach (var v in values)
        {
            b.Positive(type, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, v), v);
        }
    }

    private static void Evasions(EvalBuilder b, string type, string template, (string Value, string Note)[] values)
    {
        foreach (var (v, note) in values)
        {
            b.Evasion(type, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, v), v, note);
        }
    }

    private static void NearMisses(EvalBuilder b, string type, string[] texts)
    {
        foreach (var t in texts)
        {
            b.NearMiss(type, t);
        }
    }
}
