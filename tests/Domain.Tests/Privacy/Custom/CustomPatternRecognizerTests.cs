using Governance.Domain.Privacy.Custom;
using Governance.Domain.Tests.Privacy.National;

namespace Governance.Domain.Tests.Privacy.Custom;

public sealed class CustomPatternRecognizerTests
{
    private static CustomRecognizerDefinition Definition(string pattern, string? validator = null, string entityType = "EMPLOYEE_ID", double score = 0.7) =>
        new("acme-employee", entityType, pattern, ["employee"], score, validator);

    [Fact]
    public void Analyze_Pattern_ReportsMatchesWithDefinitionFields()
    {
        var recognizer = CustomPatternRecognizer.Create(Definition("EMP-[0-9]{6}"));

        var match = Assert.Single(Scan.Run(recognizer, "badge EMP-004211 issued"));

        Assert.Equal(("EMPLOYEE_ID", 6, 16, 0.7, "acme-employee"), (match.EntityType, match.Start, match.End, match.Score, match.Recognizer));
        Assert.Equal(["employee"], recognizer.ContextWords);
        Assert.Equal(["EMPLOYEE_ID"], recognizer.EntityTypes);
    }

    [Fact]
    public void Analyze_CatastrophicPattern_StillCompletesWithResult()
    {
        var recognizer = CustomPatternRecognizer.Create(Definition("(a+)+$"));

        var match = Assert.Single(Scan.Run(recognizer, new string('a', 50_000) + "!" + new string('a', 3)));

        Assert.Equal((50_001, 50_004), (match.Start, match.End));
    }

    [Fact]
    public void Analyze_CatastrophicPatternWithoutMatch_ReturnsNothing() =>
        Assert.Empty(Scan.Run(CustomPatternRecognizer.Create(Definition("^(a|aa)+$")), new string('a', 50_000) + "b"));

    [Theory]
    [InlineData(@"(a)\1")]
    [InlineData("foo(?=bar)")]
    [InlineData("(?<!x)foo")]
    [InlineData("(?>a+)b")]
    public void Create_ConstructNonBacktrackingCannotRun_Refused(string pattern)
    {
        var error = Assert.Throws<ArgumentException>(() => CustomPatternRecognizer.Create(Definition(pattern)));

        Assert.Contains("acme-employee", error.Message, StringComparison.Ordinal);
        Assert.Contains("linear-time", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[0-9", "EMPLOYEE_ID", 0.5, null)]
    [InlineData("", "EMPLOYEE_ID", 0.5, null)]
    [InlineData("x", "employee_id", 0.5, null)]
    [InlineData("x", "E", 0.5, null)]
    [InlineData("x", "1D", 0.5, null)]
    [InlineData("x", "EMPLOYEE-ID", 0.5, null)]
    [InlineData("x", "EMPLOYEE_ID", 0.0, null)]
    [InlineData("x", "EMPLOYEE_ID", 1.01, null)]
    [InlineData("x", "EMPLOYEE_ID", double.NaN, null)]
    [InlineData("x", "EMPLOYEE_ID", 0.5, "crc32")]
    public void Create_InvalidDefinition_RefusedNamingIt(string pattern, string entityType, double score, string? validator)
    {
        var error = Assert.Throws<ArgumentException>(() => CustomPatternRecognizer.Create(Definition(pattern, validator, entityType, score)));

        Assert.Contains("'acme-employee'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EntityTypeOf64Characters_Accepted() =>
        Assert.NotNull(CustomPatternRecognizer.Create(Definition("x", entityType: "A" + new string('B', 63))));

    [Fact]
    public void Analyze_LuhnValidator_KeepsOnlyValidNumbers()
    {
        var recognizer = CustomPatternRecognizer.Create(Definition("[0-9]{4}(?:[ -]?[0-9]{4}){3}", "luhn"));

        Assert.Equal(["4111 1111 1111 1111"], Scan.Found(recognizer, "cards 4111 1111 1111 1111 and 4111 1111 1111 1112"));
    }

    [Fact]
    public void Analyze_Mod97Validator_KeepsOnlyValidIbans()
    {
        var recognizer = CustomPatternRecognizer.Create(Definition("[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){4}(?: ?[A-Z0-9]{1,2})?", "mod97"));

        Assert.Equal(["DE89 3704 0044 0532 0130 00"], Scan.Found(recognizer, "DE89 3704 0044 0532 0130 00 or DE89 3704 0044 0532 0130 01"));
    }

    [Fact]
    public void Analyze_PatternWithUnicodeDigitClass_SeesFoldedDigits() =>
        Assert.Single(Scan.Run(CustomPatternRecognizer.Create(Definition("EMP-[0-9]{6}")), "EMP-００４２１１"));
}
