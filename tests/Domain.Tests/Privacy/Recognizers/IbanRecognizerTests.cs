using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Tests.Privacy.Recognizers;

public sealed class IbanRecognizerTests
{
    private readonly IbanRecognizer _recognizer = new();

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("DE89370400440532013000")]
    [InlineData("GB82 WEST 1234 5698 7654 32")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("BE68 5390 0754 7034")]
    [InlineData("NO93 8601 1117 947")]
    [InlineData("de89 3704 0044 0532 0130 00")]   // lower case
    [InlineData("gb82west12345698765432")]
    public void Analyze_ValidIban_IsFound(string iban) =>
        Assert.Equal((iban, 1.0), Assert.Single(Detect.Raw(_recognizer, $"IBAN: {iban}, thanks")));

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 01")]   // check fails
    [InlineData("DE88 3704 0044 0532 0130 00")]
    [InlineData("DE89 3704 0044 0532 0130")]      // too short for DE
    [InlineData("XX89 3704 0044 0532 0130 00")]   // no such country
    [InlineData("DE89 37040 0440 5320 1300 0")]   // spaces not every four
    public void Analyze_Invalid_IsNotReported(string text) => Detect.None(_recognizer, text);

    [Theory]
    [InlineData("XDE89370400440532013000")]
    [InlineData("DE893704004405320130001")]
    public void Analyze_InsideLongerWord_IsNotReported(string text) => Detect.None(_recognizer, text);

    [Theory]
    [InlineData("DE89\u200B3704\u200B0044\u200B0532\u200B0130\u200B00")]
    [InlineData("\uFF24\uFF25\uFF18\uFF19 3704 0044 0532 0130 00")]
    [InlineData("NL91 \u0410\u0412N\u0410 0417 1643 00")]          // Cyrillic A and B
    [InlineData("DE89%203704%200044%200532%200130%2000")]
    public void Analyze_Evasions_AreFoundWithTheOriginalSpan(string iban) =>
        Assert.Equal(iban, Detect.Single(_recognizer, $"to {iban} today"));
}
