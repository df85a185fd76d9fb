using Governance.Domain.Policies;
using static Governance.Domain.Tests.Policies.Policy;

namespace Governance.Domain.Tests.Policies;

public sealed class SimulatorTests
{
    private static readonly CompiledPolicySet Current = Compile(Rules(Rule("license.required", null, Obligations("""{"require_license":true}"""))), "1");

    private static RecordedDecision Record(long sequence, DecisionContext context) =>
        RecordedDecision.Read(sequence, DecisionJson.Write(context, Current.Decide(context)))!;

    [Fact]
    public void Simulate_DraftThatDeniesEuAndRetains_CountsEachKindOfChangePerRule()
    {
        var draft = Compile(Rules(
            Rule("license.required", """{"principal.role":{"equals":"tenant"}}""", Obligations("""{"require_license":true}""")),
            Rule("deny.eu", """{"tenant.region":{"equals":"eu"}}""", Deny("EU closed")),
            Rule("keep.pii", """{"model.tags":{"contains":"pii-bearing"}}""", Obligations("""{"retention":{"days":30}}"""))), "2");
        var simulator = new PolicySimulator(draft, samplesPerKind: 1);

        simulator.Add(Record(1, Tenant().Set(PolicyVocabulary.TenantRegion, PolicyValue.Of("eu"))));
        simulator.Add(Record(2, Tenant().Set(PolicyVocabulary.TenantRegion, PolicyValue.Of("eu"))));
        simulator.Add(Record(3, Tenant()));
        simulator.Add(Record(4, Tenant().Set(PolicyVocabulary.ModelTags, PolicyValue.Of(Array.Empty<string>()))));
        simulator.Add(Record(5, Tenant(licensed: false).Set(PolicyVocabulary.PrincipalRole, PolicyValue.Of("admin"))));
        var report = simulator.Report();

        Assert.Equal((5, 1, 2, 1, 1), (report.Total, report.Unchanged, report.AllowToDeny, report.DenyToAllow, report.ObligationsChanged));
        Assert.Equal(1, report.ObligationsAdded["retention:30"]);
        var eu = report.Rules.Single(r => r.RuleId == "deny.eu");
        Assert.Equal((0, 2, 2), (eu.MatchedBefore, eu.MatchedAfter, eu.AllowToDeny));
        Assert.Equal(1, report.Rules.Single(r => r.RuleId == "license.required").DenyToAllow);
        Assert.Equal([1L, 3L, 5L], report.Samples.Select(s => s.Sequence));
    }

    [Fact]
    public void Simulate_TheSamePolicy_ChangesNothing()
    {
        var simulator = new PolicySimulator(Current);
        for (var i = 0; i < 50; i++)
        {
            simulator.Add(Record(i, Tenant(licensed: i % 3 == 0)));
        }

        var report = simulator.Report();

        Assert.Equal((50, 50), (report.Total, report.Unchanged));
        Assert.Empty(report.Samples);
    }
}
