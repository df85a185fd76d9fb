using System.Text.Json;
using Governance.Domain.Policies;
using static Governance.Domain.Tests.Policies.Policy;

namespace Governance.Domain.Tests.Policies;

public sealed class DecisionJsonTests
{
    private static readonly CompiledPolicySet Set = Compile(Rules(
        Rule("license.required", null, Obligations("""{"require_license":true}""")),
        Rule("keep", """{"model.tags":{"contains":"pii-bearing"}}""", Obligations("""{"retention":{"days":30},"anonymize":{"entities":["EMAIL_ADDRESS"],"operator":"redact"}}"""))), "3");

    [Fact]
    public void Write_IsCanonical_SortedKeysAndSameBytesForTheSameDecision()
    {
        var context = Tenant().WithConsent("support", "granted");

        var json = DecisionJson.Write(context, Set.Decide(context));

        Assert.Equal(json, DecisionJson.Write(Tenant().WithConsent("support", "granted"), Set.Decide(Tenant())));
        using var doc = JsonDocument.Parse(json);
        var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        var contextKeys = doc.RootElement.GetProperty("context").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(contextKeys.Order(StringComparer.Ordinal), contextKeys);
        Assert.Equal("allow", doc.RootElement.GetProperty("effect").GetString());
        Assert.Equal("2026-12-01", doc.RootElement.GetProperty("context").GetProperty("time.date").GetString());
    }

    [Fact]
    public void Read_GivesBackTheContextAndTheDecision()
    {
        var context = Tenant(licensed: false).WithConsent("support", "withdrawn");
        var decision = Set.Decide(context);

        var recorded = RecordedDecision.Read(42, DecisionJson.Write(context, decision))!;

        Assert.False(recorded.Allowed);
        Assert.Equal(decision.MatchedRuleIds, recorded.MatchedRuleIds);
        Assert.Equal(decision.Obligations.Keys(), recorded.ObligationKeys);
        Assert.Equal(context.Values, recorded.Context.Values, (a, b) => a.Kind == b.Kind && a.Text == b.Text && a.Number == b.Number && (a.Set ?? []).Order(StringComparer.Ordinal).SequenceEqual((b.Set ?? []).Order(StringComparer.Ordinal)));
        Assert.Equal("withdrawn", recorded.Context.ConsentFor("support"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"effect":"allow"}""")]
    public void Read_OfSomethingElse_IsNull(string json) => Assert.Null(RecordedDecision.Read(1, json));
}
