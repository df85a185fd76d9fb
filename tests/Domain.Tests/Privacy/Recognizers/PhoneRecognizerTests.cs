using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Tests.Privacy.Recognizers;

public sealed class PhoneRecognizerTests
{
    private readonly PhoneRecognizer _recognizer = new();

    [Theory]
    [InlineData("+1 (415) 555-2671", 0.75)]
    [InlineData("+1-415-555-2671", 0.75)]
    [InlineData("(415) 555-2671", 0.6)]
    [InlineData("415.555.2671", 0.6)]
    [InlineData("1-800-555-0199", 0.6)]
    [InlineData("+44 20 7946 0958", 0.75)]
    [InlineData("+44 (0)20 7946 0958", 0.75)]
    [InlineData("0044 20 7946 0958", 0.75)]
    [InlineData("020 7946 0958", 0.6)]
    [InlineData("07700 900123", 0.6)]
    [InlineData("+49 30 12345678", 0.75)]
    [InlineData("+49 151 12345678", 0.75)]
    [InlineData("030 12345678", 0.6)]
    [InlineData("+33 1 23 45 67 89", 0.75)]
    [InlineData("06 12 34 56 78", 0.6)]
    [InlineData("+91 98765 43210", 0.75)]
    [InlineData("+81 3 1234 5678", 0.55)]
    public void Analyze_ValidNumber_IsFound(string phone, double score) =>
        Assert.Contains((phone, score), Detect.Raw(_recognizer, $"call {phone} now"));

    [Fact]
    public void Analyze_BareDigits_NeedContext()
    {
        Assert.Equal([("4155552671", 0.4)], Detect.Raw(_recognizer, "id 4155552671"));
        Assert.Empty(Detect.Spans(_recognizer, "id 4155552671", threshold: 0.5));
        Assert.Equal(["4155552671"], Detect.Spans(_recognizer, "phone: 4155552671", threshold: 0.5));
    }

    [Theory]
    [InlineData("(411) 555-2671")]     // N11 area code
    [InlineData("(415) 155-2671")]     // exchange starts with 1
    [InlineData("(115) 555-2671")]     // area code starts with 1
    [InlineData("+44 40 7946 0958")]   // no UK numbers start with 4
    [InlineData("+33 0 23 45 67 89")]
    [InlineData("+91 58765 43210")]    // Indian mobiles start 6-9
    [InlineData("555-2671")]           // too short
    [InlineData("2024-03-12")]
    public void Analyze_OutsideTheNumberingPlan_IsNotReported(string text) => Detect.None(_recognizer, text);

    [Theory]
    [InlineData("x4155552671")]
    [InlineData("41555526719")]
    [InlineData("1.415.555.2671.5")]
    public void Analyze_InsideLongerRun_IsNotReported(string text) => Detect.None(_recognizer, text);

    [Theory]
    [InlineData("+1 (415) 555\u200B-2671")]
    [InlineData("\uFF0B\uFF11 \uFF14\uFF11\uFF15 555 2671")]
    [InlineData("+1%20415%20555%202671")]
    public void Analyze_Evasions_AreFoundWithTheOriginalSpan(string phone) =>
        Assert.Equal(phone, Detect.Single(_recognizer, $"tel {phone}."));
}
