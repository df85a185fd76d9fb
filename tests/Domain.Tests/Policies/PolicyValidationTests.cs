using Governance.Domain.Policies;
using static Governance.Domain.Tests.Policies.Policy;

namespace Governance.Domain.Tests.Policies;

public sealed class PolicyValidationTests
{
    [Fact]
    public void Parse_WithSeveralMistakes_ReportsEveryErrorWithRuleIdAndPath()
    {
        var (document, errors) = Parse(Rules(
            Rule("a", """{"model.tagz":{"contains":"x"}}""", Deny()),
            Rule("b", """{"time.hour":{"gt":"late"}}""", Deny()),
            Rule("c", """{"request.purpose":{"matches":"x"}}""", Deny()),
            Rule("d", """{"principal.role":{"equals":"root"}}""", Deny()),
            Rule("e", """{"model.tags":{"gt":3}}""", Deny())));

        Assert.Null(document);
        Assert.Collection(errors,
            e => Assert.Equal((PolicyErrorCodes.UnknownAttribute, "a", "/rules/0/when/model.tagz"), (e.Code, e.RuleId, e.Path)),
            e => Assert.Equal((PolicyErrorCodes.WrongType, "b", "/rules/1/when/time.hour/gt"), (e.Code, e.RuleId, e.Path)),
            e => Assert.Equal((PolicyErrorCodes.UnknownOperator, "c", "/rules/2/when/request.purpose/matches"), (e.Code, e.RuleId, e.Path)),
            e => Assert.Equal((PolicyErrorCodes.UnknownValue, "d", "/rules/3/when/principal.role/equals"), (e.Code, e.RuleId, e.Path)),
            e => Assert.Equal((PolicyErrorCodes.WrongType, "e", "/rules/4/when/model.tags/gt"), (e.Code, e.RuleId, e.Path)));
        Assert.Contains("model.tags", errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"t"}""", "/rules")]
    [InlineData("""{"name":"t","rules":[{"id":"a"}]}""", "/rules/0")]
    [InlineData("""{"name":"t","rules":[{"id":"a","deny":{"message":"x"},"obligations":{"encrypt_payloads":true}}]}""", "/rules/0")]
    [InlineData("""{"name":"t","rules":[{"id":"Bad Id","deny":{"message":"x"}}]}""", "/rules/0/id")]
    [InlineData("""{"name":"t","rules":[{"id":"a","deny":{"message":"x"},"unless":{}}]}""", "/rules/0/unless")]
    [InlineData("""{"name":"t","rules":[{"id":"a","obligations":{"retention":{"days":0}}}]}""", "/rules/0/obligations/retention/days")]
    [InlineData("""{"name":"t","rules":[{"id":"a","obligations":{"anonymize":{"operator":"shred"}}}]}""", "/rules/0/obligations/anonymize/operator")]
    [InlineData("""{"name":"t","rules":[{"id":"a","obligations":{"watermark":{"method":"ink"}}}]}""", "/rules/0/obligations/watermark/method")]
    [InlineData("""{"name":"t","rules":[{"id":"a","obligations":{"sing":true}}]}""", "/rules/0/obligations/sing")]
    [InlineData("""{"name":"t","rules":[{"id":"a","when":{"model.tags":{"contains":"x","exists":true}},"deny":{"message":"x"}}]}""", "/rules/0/when/model.tags")]
    public void Parse_WithAShapeError_NamesWhere(string json, string path)
    {
        var (document, errors) = Parse(json);

        Assert.Null(document);
        Assert.Contains(errors, e => e.Path == path);
    }

    [Theory]
    [InlineData("""{"request.endpoint":{"in":[]}}""")]
    [InlineData("""{"time.hour":{"gt":23}}""")]
    [InlineData("""{"time.hour":{"lt":0}}""")]
    [InlineData("""{"all":[{"time.hour":{"gt":10}},{"time.hour":{"lt":5}}]}""")]
    [InlineData("""{"all":[{"tenant.region":{"equals":"eu"}},{"tenant.region":{"equals":"us"}}]}""")]
    [InlineData("""{"all":[{"tenant.region":{"in":["eu","uk"]}},{"tenant.region":{"equals":"us"}}]}""")]
    [InlineData("""{"all":[{"tenant.region":{"exists":false}},{"tenant.region":{"equals":"us"}}]}""")]
    [InlineData("""{"any":[]}""")]
    [InlineData("""{"not":{"all":[]}}""")]
    [InlineData("""{"all":[{"tenant.licensed":{"equals":true}},{"tenant.licensed":{"equals":false}}]}""")]
    public void Analyze_ConditionThatCanNeverHold_IsUnreachable(string when)
    {
        var (_, errors) = Parse(Rules(Rule("never", when, Deny())));

        var error = Assert.Single(errors);
        Assert.Equal((PolicyErrorCodes.Unreachable, "never"), (error.Code, error.RuleId));
        Assert.StartsWith("/rules/0/when", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_RuleAsSpecificAsADenyRule_IsShadowed()
    {
        var (_, errors) = Parse(Rules(
            Rule("deny.eu", """{"tenant.region":{"equals":"eu"}}""", Deny()),
            Rule("retain.eu-premium", """{"all":[{"tenant.tier":{"equals":"premium"}},{"tenant.region":{"equals":"eu"}}]}""", Obligations("""{"retention":{"days":5}}""")),
            Rule("retain.us", """{"tenant.region":{"equals":"us"}}""", Obligations("""{"retention":{"days":5}}"""))));

        var error = Assert.Single(errors);
        Assert.Equal((PolicyErrorCodes.Shadowed, "retain.eu-premium", "/rules/1"), (error.Code, error.RuleId, error.Path));
        Assert.Contains("deny.eu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_TwoDenyRulesWithOneCondition_ReportsOnlyTheLaterOne()
    {
        var (_, errors) = Parse(Rules(Rule("first", """{"tenant.tier":{"equals":"x"}}""", Deny()), Rule("second", """{"tenant.tier":{"equals":"x"}}""", Deny())));

        Assert.Equal(["second"], errors.Select(e => e.RuleId));
    }

    [Fact]
    public void Analyze_DuplicateIds_AreReported()
    {
        var (_, errors) = Parse(Rules(Rule("a", """{"tenant.tier":{"equals":"x"}}""", Deny()), Rule("a", """{"tenant.tier":{"equals":"y"}}""", Deny())));

        var error = Assert.Single(errors);
        Assert.Equal((PolicyErrorCodes.DuplicateId, "/rules/1/id"), (error.Code, error.Path));
    }

    [Fact]
    public void Suggest_NearMiss_NamesTheAttribute() => Assert.Equal("model.tags", PolicyVocabulary.Suggest("model.tagz"));
}
