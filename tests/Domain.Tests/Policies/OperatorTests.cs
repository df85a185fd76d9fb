using static Governance.Domain.Tests.Policies.Policy;

namespace Governance.Domain.Tests.Policies;

/// <summary>Every operator, matching and not, and on a missing attribute (which never matches but 'exists: false').</summary>
public sealed class OperatorTests
{
    [Theory]
    [InlineData("""{"principal.role":{"equals":"tenant"}}""", true)]
    [InlineData("""{"principal.role":{"equals":"admin"}}""", false)]
    [InlineData("""{"tenant.licensed":{"equals":true}}""", true)]
    [InlineData("""{"tenant.licensed":{"equals":false}}""", false)]
    [InlineData("""{"request.input_size":{"equals":120}}""", true)]
    [InlineData("""{"time.date":{"equals":"2026-12-01"}}""", true)]
    [InlineData("""{"request.endpoint":{"in":["model.infer","model.predict"]}}""", true)]
    [InlineData("""{"request.endpoint":{"in":["model.infer","model.ready"]}}""", false)]
    [InlineData("""{"request.input_size":{"in":[1,120]}}""", true)]
    [InlineData("""{"model.tags":{"contains":"pii-bearing"}}""", true)]
    [InlineData("""{"model.tags":{"contains":"PII-bearing"}}""", false)]
    [InlineData("""{"request.input_size":{"lt":121}}""", true)]
    [InlineData("""{"request.input_size":{"lt":120}}""", false)]
    [InlineData("""{"request.input_size":{"lte":120}}""", true)]
    [InlineData("""{"request.input_size":{"gt":119}}""", true)]
    [InlineData("""{"request.input_size":{"gt":120}}""", false)]
    [InlineData("""{"request.input_size":{"gte":120}}""", true)]
    [InlineData("""{"time.hour":{"gte":21}}""", true)]
    [InlineData("""{"time.weekday":{"equals":"tuesday"}}""", true)]
    [InlineData("""{"time.date":{"lt":"2027-01-01"}}""", true)]
    [InlineData("""{"time.date":{"gt":"2026-12-01"}}""", false)]
    [InlineData("""{"model.name":{"exists":true}}""", true)]
    [InlineData("""{"request.purpose":{"exists":true}}""", false)]
    [InlineData("""{"request.purpose":{"exists":false}}""", true)]
    [InlineData("""{"request.purpose":{"equals":"support"}}""", false)]
    [InlineData("""{"tenant.region":{"in":["eu"]}}""", false)]
    [InlineData("""{"model.data_categories":{"contains":"health"}}""", false)]
    [InlineData("""{"request.input_size":{"exists":false}}""", false)]
    [InlineData("""{"all":[{"principal.role":{"equals":"tenant"}},{"model.tags":{"contains":"text"}}]}""", true)]
    [InlineData("""{"all":[{"principal.role":{"equals":"tenant"}},{"model.tags":{"contains":"image"}}]}""", false)]
    [InlineData("""{"any":[{"principal.role":{"equals":"admin"}},{"model.tags":{"contains":"text"}}]}""", true)]
    [InlineData("""{"any":[{"principal.role":{"equals":"admin"}},{"model.tags":{"contains":"image"}}]}""", false)]
    [InlineData("""{"not":{"principal.role":{"equals":"admin"}}}""", true)]
    [InlineData("""{"not":{"principal.role":{"equals":"tenant"}}}""", false)]
    [InlineData("""{"principal.role":{"equals":"tenant"},"model.tags":{"contains":"image"}}""", false)]
    [InlineData("""{"principal.role":{"equals":"tenant"},"model.tags":{"contains":"text"}}""", true)]
    public void Condition_OnTheTenantContext_MatchesAsWritten(string when, bool expected)
    {
        var set = Compile(Rules(Rule("r", when, Deny())));

        var decision = set.Decide(Tenant());

        Assert.Equal(expected, decision.MatchedRuleIds.Contains("r"));
    }

    [Fact]
    public void InWithManyValues_UsesTheSameSemantics()
    {
        var values = string.Join(",", Enumerable.Range(0, 20).Select(i => $"\"t{i}\""));
        var set = Compile(Rules(Rule("r", $$$"""{"tenant.id":{"in":[{{{values}}},"acme"]}}""", Deny())));

        Assert.False(set.Decide(Tenant()).Allowed);
        Assert.True(set.Decide(Tenant("zeta")).Allowed);
    }
}
