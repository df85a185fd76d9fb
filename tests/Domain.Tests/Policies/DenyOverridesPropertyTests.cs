using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Policies;
using static Governance.Domain.Tests.Policies.Policy;

namespace Governance.Domain.Tests.Policies;

/// <summary>Rule order never matters: any permutation gives the same decision, and any matching deny rule denies.</summary>
public sealed class DenyOverridesPropertyTests
{
    private static readonly string[] Conditions =
    [
        """{"principal.role":{"equals":"tenant"}}""",
        """{"tenant.region":{"in":["eu","uk"]}}""",
        """{"model.tags":{"contains":"pii-bearing"}}""",
        """{"time.hour":{"gte":12}}""",
        """{"not":{"tenant.tier":{"equals":"premium"}}}""",
        """{"any":[{"request.endpoint":{"equals":"model.infer"}},{"request.purpose":{"exists":true}}]}""",
    ];

    private static readonly string[] Effects =
    [
        Deny(),
        Obligations("""{"retention":{"days":30}}"""),
        Obligations("""{"retention":{"days":7},"anonymize":{"operator":"mask"}}"""),
        Obligations("""{"anonymize":{"entities":["EMAIL_ADDRESS"],"operator":"redact"}}"""),
        Obligations("""{"require_license":true}"""),
        Obligations("""{"watermark":{"method":"metadata"},"encrypt_payloads":true}"""),
    ];

    private static Gen<(int Condition, int Effect)[]> RuleSpecs() =>
        Gen.Choose(0, Conditions.Length).Zip(Gen.Choose(0, Effects.Length - 1)).ArrayOf().Select(a => a.Select(p => (p.Item1, p.Item2)).ToArray());

    private static Gen<DecisionContext> Contexts() =>
        from role in Gen.Elements("tenant", "admin")
        from region in Gen.Elements("eu", "us", "uk")
        from pii in Gen.Elements(true, false)
        from hour in Gen.Choose(0, 23)
        from licensed in Gen.Elements(true, false)
        from endpoint in Gen.Elements("model.infer", "model.predict")
        select new DecisionContext()
            .Set(PolicyVocabulary.PrincipalRole, PolicyValue.Of(role))
            .Set(PolicyVocabulary.TenantRegion, PolicyValue.Of(region))
            .Set(PolicyVocabulary.ModelTags, PolicyValue.Of(pii ? ["pii-bearing"] : Array.Empty<string>()))
            .Set(PolicyVocabulary.TimeHour, PolicyValue.Of(hour))
            .Set(PolicyVocabulary.TenantLicensed, PolicyValue.Of(licensed))
            .Set(PolicyVocabulary.RequestEndpoint, PolicyValue.Of(endpoint));

    private static CompiledPolicySet Build((int Condition, int Effect)[] specs, IEnumerable<int> order)
    {
        // Compiled without the analyzer on purpose: random sets are often shadowed, and order must not matter anyway.
        var rules = order.Select(i => Rule($"r{i}", specs[i].Condition == Conditions.Length ? null : Conditions[specs[i].Condition], Effects[specs[i].Effect]));
        using var json = System.Text.Json.JsonDocument.Parse(Rules([.. rules]));
        var (document, errors) = PolicyParser.Parse(json.RootElement);
        Assert.Empty(errors);
        return PolicyCompiler.Compile(document!, "p");
    }

    [Fact]
    public void AnyRuleOrder_GivesTheSameDecision() =>
        Prop.ForAll(RuleSpecs().ToArbitrary(), Contexts().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (specs, context, seed) =>
        {
            var natural = Build(specs, Enumerable.Range(0, specs.Length)).Decide(context);
            var random = new Random(seed);
            var shuffled = Build(specs, Enumerable.Range(0, specs.Length).OrderBy(_ => random.Next()).ToArray()).Decide(context);
            return natural.Allowed == shuffled.Allowed
                && natural.MatchedRuleIds.Order(StringComparer.Ordinal).SequenceEqual(shuffled.MatchedRuleIds.Order(StringComparer.Ordinal))
                && natural.DenyingRuleIds.Order(StringComparer.Ordinal).SequenceEqual(shuffled.DenyingRuleIds.Order(StringComparer.Ordinal))
                && natural.Obligations.Keys().SequenceEqual(shuffled.Obligations.Keys());
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AnyMatchingDenyRule_Denies_WhateverElseMatches() =>
        Prop.ForAll(RuleSpecs().ToArbitrary(), Contexts().ToArbitrary(), (specs, context) =>
        {
            var set = Build(specs, Enumerable.Range(0, specs.Length).Reverse());
            var decision = set.Decide(context);
            var denyMatched = set.Rules.Any(r => r.DenyMessage is not null && r.Matches(context));
            return !denyMatched || (!decision.Allowed && set.Rules.Where(r => r.DenyMessage is not null && r.Matches(context)).All(r => decision.DenyingRuleIds.Contains(r.Id)));
        }).QuickCheckThrowOnFailure();
}
