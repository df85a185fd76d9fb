using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;

namespace Governance.Domain.Tests.Privacy.Operators;

public sealed class SimpleOperatorTests
{
    private const string Text = "Mail jane.roe@example.com or call 555-0100.";

    private static readonly PiiEntity[] Entities =
    [
        TestKeys.Entity(Text, "jane.roe@example.com", "EMAIL_ADDRESS"),
        TestKeys.Entity(Text, "555-0100", "PHONE_NUMBER"),
    ];

    private static AnonymizationResult Run(OperatorSet operators) => TextAnonymizer.Anonymize(Text, Entities, operators, TestKeys.For("acme"));

    [Fact]
    public void Replace_ByDefault_WritesTheEntityTypeInAngleBrackets()
    {
        var result = Run(OperatorSet.ReplaceAll);

        Assert.Equal("Mail <EMAIL_ADDRESS> or call <PHONE_NUMBER>.", result.Text);
        Assert.Equal(
            [new ReplacedSpan("EMAIL_ADDRESS", 5, 20, "replace"), new ReplacedSpan("PHONE_NUMBER", 29, 43, "replace")],
            result.Items);
        Assert.All(result.Items, i => Assert.StartsWith("<", result.Text[i.Start..i.End], StringComparison.Ordinal));
    }

    [Fact]
    public void Replace_WithNewValue_WritesIt()
    {
        var operators = new OperatorSet(new Dictionary<string, OperatorSpec> { ["EMAIL_ADDRESS"] = new(OperatorType.Replace) { NewValue = "[email]" } });

        Assert.Equal("Mail [email] or call <PHONE_NUMBER>.", Run(operators).Text);
    }

    [Fact]
    public void Redact_RemovesTheValueAndReportsAnEmptySpan()
    {
        var result = Run(OperatorSet.All(new OperatorSpec(OperatorType.Redact)));

        Assert.Equal("Mail  or call .", result.Text);
        Assert.Equal([new ReplacedSpan("EMAIL_ADDRESS", 5, 5, "redact"), new ReplacedSpan("PHONE_NUMBER", 14, 14, "redact")], result.Items);
    }

    [Theory]
    [InlineData(null, false, null, "********")]
    [InlineData(4, false, null, "****0100")]
    [InlineData(4, true, null, "555-****")]
    [InlineData(100, true, null, "********")]
    [InlineData(null, false, 2, "******00")]
    [InlineData(null, false, 20, "555-0100")]
    public void Mask_MasksTheChosenCharacters(int? charsToMask, bool fromEnd, int? keepLast, string expected)
    {
        var spec = new OperatorSpec(OperatorType.Mask) { CharsToMask = charsToMask, FromEnd = fromEnd, KeepLast = keepLast };
        var operators = new OperatorSet(new Dictionary<string, OperatorSpec> { ["PHONE_NUMBER"] = spec });

        var result = Run(operators);

        var phone = result.Items[1];
        Assert.Equal(expected, result.Text[phone.Start..phone.End]);
        Assert.Equal("mask", phone.Operator);
    }

    [Fact]
    public void Mask_WithACustomChar_NeverSplitsASurrogatePair()
    {
        const string text = "name: a😀b";
        var entity = new PiiEntity("PERSON", 6, 10, 1, "test");
        var spec = new OperatorSpec(OperatorType.Mask) { MaskingChar = '#', CharsToMask = 2 };

        var result = TextAnonymizer.Anonymize(text, [entity], OperatorSet.All(spec), TestKeys.For("acme"));

        Assert.Equal("name: ###b", result.Text);
    }

    [Fact]
    public void Anonymize_WithNoEntities_ReturnsTheTextUnchanged()
    {
        var result = TextAnonymizer.Anonymize(Text, [], OperatorSet.ReplaceAll, TestKeys.For("acme"));

        Assert.Same(Text, result.Text);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Anonymize_WithASpanOutsideTheText_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TextAnonymizer.Anonymize("short", [new PiiEntity("PERSON", 2, 9, 1, "test")], OperatorSet.ReplaceAll, TestKeys.For("acme")));
    }

    [Theory]
    [InlineData("MASK", OperatorType.Mask)]
    [InlineData("pseudonym", OperatorType.Pseudonym)]
    [InlineData("encrypt", OperatorType.Encrypt)]
    public void OperatorNames_ParseCaseInsensitively(string name, OperatorType expected)
    {
        Assert.True(OperatorNames.TryParse(name, out var type));
        Assert.Equal(expected, type);
        Assert.False(OperatorNames.TryParse("shred", out _));
    }
}
