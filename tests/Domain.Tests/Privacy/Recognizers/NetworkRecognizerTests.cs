using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Tests.Privacy.Recognizers;

public sealed class NetworkRecognizerTests
{
    [Theory]
    [InlineData("Mail john.doe+tag@example.co.uk now.", "john.doe+tag@example.co.uk")]
    [InlineData("<jane_o'neil@mail.example.org>", "jane_o'neil@mail.example.org")]
    [InlineData("JOHN@EXAMPLE.COM", "JOHN@EXAMPLE.COM")]
    [InlineData("john%40example.com", "john%40example.com")]
    [InlineData("jo\u200Bhn@exam\u200Bple.com", "jo\u200Bhn@exam\u200Bple.com")]
    [InlineData("john\uFF20example\uFF0Ecom", "john\uFF20example\uFF0Ecom")]
    [InlineData("j\u043Ehn@ex\u0430mple.com", "j\u043Ehn@ex\u0430mple.com")]
    public void Email_IsFound(string text, string expected) => Assert.Equal(expected, Detect.Single(new EmailRecognizer(), text));

    [Theory]
    [InlineData("john@localhost")]
    [InlineData("john@example.c")]
    [InlineData("john..doe@example.com")]
    [InlineData(".@example.com")]
    [InlineData("@example.com")]
    [InlineData("john@example.123")]
    public void Email_Invalid_IsNotReported(string text) => Detect.None(new EmailRecognizer(), text);

    [Theory]
    [InlineData("see https://example.com/a/b?q=1#top.", "https://example.com/a/b?q=1#top", 0.9)]
    [InlineData("(http://10.0.0.1:8080/x)", "http://10.0.0.1:8080/x", 0.9)]
    [InlineData("ftp://[2001:db8::1]/file", "ftp://[2001:db8::1]/file", 0.9)]
    [InlineData("go to www.example.org/path, then", "www.example.org/path", 0.8)]
    [InlineData("visit example.com today", "example.com", 0.5)]
    [InlineData("HTTPS://EXAMPLE.COM", "HTTPS://EXAMPLE.COM", 0.9)]
    public void Url_IsFound(string text, string expected, double score) =>
        Assert.Equal((expected, score), Assert.Single(Detect.Raw(new UrlRecognizer(), text)));

    [Theory]
    [InlineData("john@example.com")]          // an e-mail's domain is not a URL
    [InlineData("file.txt and Node.js")]      // not common TLDs
    [InlineData("https://")]
    [InlineData("version 1.2")]
    public void Url_NotAUrl_IsNotReported(string text) => Detect.None(new UrlRecognizer(), text);

    [Theory]
    [InlineData("from 192.168.0.1 at", "192.168.0.1")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("host 2001:0db8:85a3:0000:0000:8a2e:0370:7334.", "2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("loopback ::1 only", "::1")]
    [InlineData("fe80::", "fe80::")]
    [InlineData("::ffff:192.0.2.128", "::ffff:192.0.2.128")]
    [InlineData("\uFF11\uFF19\uFF12.168.0.1", "\uFF11\uFF19\uFF12.168.0.1")]
    public void Ip_IsFound(string text, string expected) => Assert.Equal(expected, Detect.Single(new IpRecognizer(), text));

    // Notations inet_aton and browsers accept for the same address: an evasion of the dotted-decimal form.
    [Theory]
    [InlineData("from 01.2.3.4 on", "01.2.3.4")]
    [InlineData("host 192.168.001.024", "192.168.001.024")]
    [InlineData("connect 0300.0250.01.030 now", "0300.0250.01.030")]
    [InlineData("via 0xC0.0xA8.0x01.0x18.", "0xC0.0xA8.0x01.0x18")]
    [InlineData("mixed 0xc0.168.01.24", "0xc0.168.01.24")]
    [InlineData("client ip 3232235800 blocked", "3232235800")]
    [InlineData("ip address is 167772161", "167772161")]
    [InlineData("host: 0xC0A80118", "0xC0A80118")]
    [InlineData("open http://3232235800/admin", "3232235800")]
    public void Ip_OtherNotation_IsFound(string text, string expected) => Assert.Equal(expected, Detect.Single(new IpRecognizer(), text));

    [Theory]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("0400.1.1.1")]
    [InlineData("0x100.1.1.1")]
    [InlineData("1.2.3.0x")]
    [InlineData("ip 16777215")]
    [InlineData("ip 4294967296")]
    [InlineData("order 3232235800")]
    [InlineData("ip 0x12345")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("12:30:45")]
    public void Ip_Invalid_IsNotReported(string text) => Detect.None(new IpRecognizer(), text);

    [Theory]
    [InlineData("mac 00:1A:2b:3C:4d:5E.", "00:1A:2b:3C:4d:5E")]
    [InlineData("00-1a-2b-3c-4d-5e", "00-1a-2b-3c-4d-5e")]
    [InlineData("cisco 001a.2b3c.4d5e", "001a.2b3c.4d5e")]
    public void Mac_IsFound(string text, string expected) => Assert.Equal(expected, Detect.Single(new MacAddressRecognizer(), text));

    [Theory]
    [InlineData("00:1a-2b:3c:4d:5e")]         // mixed separators
    [InlineData("00:1a:2b:3c:4d")]
    [InlineData("00:1a:2b:3c:4d:5e:6f")]
    [InlineData("1234.5678.9012")]            // dotted digits, no hex letter
    [InlineData("00:1g:2b:3c:4d:5e")]
    public void Mac_Invalid_IsNotReported(string text) => Detect.None(new MacAddressRecognizer(), text);
}
