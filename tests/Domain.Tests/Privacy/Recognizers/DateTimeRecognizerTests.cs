using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Tests.Privacy.Recognizers;

public sealed class DateTimeRecognizerTests
{
    private readonly DateTimeRecognizer _recognizer = new();

    [Theory]
    [InlineData("2024-03-12")]
    [InlineData("2024-03-12T10:30:00Z")]
    [InlineData("2024-03-12 10:30")]
    [InlineData("2024-03-12T10:30:00.123+01:00")]
    [InlineData("12/03/2024")]
    [InlineData("03/25/2024")]
    [InlineData("25.03.2024")]
    [InlineData("1-2-1990")]
    [InlineData("12 March 2024")]
    [InlineData("1st Jan 1990")]
    [InlineData("March 12, 2024")]
    [InlineData("Sept. 3 1999")]
    [InlineData("29 February 2024")]
    public void Analyze_ValidDate_IsFoundUnderTheThreshold(string date) =>
        Assert.Equal((date, 0.4), Assert.Single(Detect.Raw(_recognizer, $"on {date}, we")));

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    [InlineData("29 February 2023")]
    [InlineData("32/01/2024")]
    [InlineData("13/13/2024")]
    [InlineData("March 32, 2024")]
    [InlineData("12/03/24")]
    [InlineData("1.12.03.2024")]
    [InlineData("v2024-03-12")]
    [InlineData("Marching 12, 2024")]
    public void Analyze_Invalid_IsNotReported(string text) => Detect.None(_recognizer, text);

    [Fact]
    public void Analyze_WithBirthContext_PassesTheThreshold()
    {
        Assert.Empty(Detect.Spans(_recognizer, "meeting on 12/03/2024", threshold: 0.5));
        Assert.Equal(["12/03/2024"], Detect.Spans(_recognizer, "Date of birth: 12/03/2024", threshold: 0.5));
        Assert.Equal(["\uFF11\uFF12/03/2024"], Detect.Spans(_recognizer, "DOB \uFF11\uFF12/03/2024", threshold: 0.5));
    }
}
