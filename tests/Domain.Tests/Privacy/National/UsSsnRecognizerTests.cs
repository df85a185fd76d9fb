using Governance.Domain.Privacy.National;

namespace Governance.Domain.Tests.Privacy.National;

public sealed class UsSsnRecognizerTests
{
    private static readonly UsSsnRecognizer Recognizer = new();

    [Fact]
    public void Analyze_DashedSsn_FoundWithMediumScore()
    {
        var found = Scan.Run(Recognizer, "My SSN is 536-22-8745.");

        var match = Assert.Single(found);
        Assert.Equal(("US_SSN", 10, 21, 0.5, "UsSsnRecognizer"), (match.EntityType, match.Start, match.End, match.Score, match.Recognizer));
    }

    [Theory]
    [InlineData("ssn 536 22 8745", 0.4)]
    [InlineData("ssn 536.22.8745", 0.4)]
    [InlineData("ssn 536\u00A022\u00A08745", 0.4)]
    [InlineData("ssn 536228745", 0.05)]
    public void Analyze_OtherSeparators_FoundWithLowerScore(string text, double score) =>
        Assert.Equal(score, Scan.SingleScore(Recognizer, text));

    [Theory]
    [InlineData("000-12-3456")]
    [InlineData("666-12-3456")]
    [InlineData("900-12-3456")]
    [InlineData("999-12-3456")]
    [InlineData("536-00-8745")]
    [InlineData("536-22-0000")]
    [InlineData("078-05-1120")]
    [InlineData("219-09-9999")]
    [InlineData("123-45-6789")]
    [InlineData("111-11-1111")]
    public void Analyze_NeverIssuedNumber_NotFound(string ssn) => Assert.Empty(Scan.Run(Recognizer, $"SSN: {ssn}"));

    [Theory]
    [InlineData("1536-22-8745")]
    [InlineData("536-22-87451")]
    [InlineData("A536-22-8745")]
    [InlineData("536-22-8745b")]
    [InlineData("4111-536-22-8745")]
    [InlineData("536-22-8745-12")]
    [InlineData("536-22-874")]
    public void Analyze_InsideLongerNumberOrWord_NotFound(string text) => Assert.Empty(Scan.Run(Recognizer, text));

    [Fact]
    public void Analyze_NumberBesideAnotherNumber_FoundAlone() =>
        Assert.Equal(["536-22-8745"], Scan.Found(Recognizer, "filed in 2020 536-22-8745 (ok)"));

    [Theory]
    [InlineData("536\u200B-22-8745")]
    [InlineData("５３６-２２-８７４５")]
    [InlineData("536\u2060-22\u200D-8745")]
    public void Analyze_EvasionVariants_Found(string ssn) => Assert.Single(Scan.Run(Recognizer, $"ssn {ssn}"));
}
