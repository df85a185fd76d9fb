using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;

namespace Governance.Domain.Tests.Privacy.Operators;

public sealed class OverlapTests
{
    [Fact]
    public void Anonymize_ContainedEntity_KeepsTheLongerOne()
    {
        const string text = "see https://jane@example.com/x now";
        var url = TestKeys.Entity(text, "https://jane@example.com/x", "URL");
        var email = TestKeys.Entity(text, "jane@example.com", "EMAIL_ADDRESS");

        var result = TextAnonymizer.Anonymize(text, [email, url], OperatorSet.ReplaceAll, TestKeys.For("acme"));

        Assert.Equal("see <URL> now", result.Text);
        Assert.Equal([new ReplacedSpan("URL", 4, 9, "replace")], result.Items);
    }

    [Fact]
    public void Anonymize_SameStart_KeepsTheLongest()
    {
        const string text = "id 123456789012 end";
        var shorter = new PiiEntity("US_SSN", 3, 12, 0.5, "a");
        var longer = new PiiEntity("US_BANK_NUMBER", 3, 15, 0.4, "b");

        var result = TextAnonymizer.Anonymize(text, [shorter, longer], OperatorSet.ReplaceAll, TestKeys.For("acme"));

        Assert.Equal("id <US_BANK_NUMBER> end", result.Text);
    }

    [Fact]
    public void Anonymize_PartialOverlap_NamesTheSpanAfterTheEarliestAndLeavesNoFragmentInClear()
    {
        const string text = "x AAAABBBBCCCC y";
        var first = new PiiEntity("FIRST", 2, 10, 1, "a");
        var second = new PiiEntity("SECOND", 6, 14, 1, "b");

        var result = TextAnonymizer.Anonymize(text, [second, first], OperatorSet.ReplaceAll, TestKeys.For("acme"));

        Assert.Equal("x <FIRST> y", result.Text);
        Assert.Single(result.Items);
    }

    [Fact]
    public void Anonymize_AdjacentEntities_AreBothReplaced()
    {
        const string text = "AAAABBBB";
        var result = TextAnonymizer.Anonymize(text,
            [new PiiEntity("B", 4, 8, 1, "b"), new PiiEntity("A", 0, 4, 1, "a")], OperatorSet.ReplaceAll, TestKeys.For("acme"));

        Assert.Equal("<A><B>", result.Text);
        Assert.Equal([new ReplacedSpan("A", 0, 3, "replace"), new ReplacedSpan("B", 3, 6, "replace")], result.Items);
    }
}
