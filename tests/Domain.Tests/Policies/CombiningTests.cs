using Governance.Domain.Policies;
using static Governance.Domain.Tests.Policies.Policy;

namespace Governance.Domain.Tests.Policies;

public sealed class CombiningTests
{
    [Fact]
    public void NoRuleMatches_Allows()
    {
        var decision = Compile(Rules(Rule("r", """{"principal.role":{"equals":"admin"}}""", Deny()))).Decide(Tenant());

        Assert.True(decision.Allowed);
        Assert.Empty(decision.MatchedRuleIds);
        Assert.True(decision.Obligations.IsEmpty);
    }

    [Fact]
    public void DenyAndObligations_DenyOverridesAndNamesOnlyTheDenyingRule()
    {
        var set = Compile(Rules(
            Rule("keep", null, Obligations("""{"retention":{"days":30}}""")),
            Rule("no.pii", """{"model.tags":{"contains":"pii-bearing"}}""", Deny("PII models are closed."))));

        var decision = set.Decide(Tenant());

        Assert.False(decision.Allowed);
        Assert.Equal(["keep", "no.pii"], decision.MatchedRuleIds);
        Assert.Equal([new Denial("no.pii", "PII models are closed.")], decision.Denials);
    }

    [Fact]
    public void RequireLicense_WithoutLicense_DeniesNamingTheTenantAndModel()
    {
        var set = Compile(Rules(Rule("license.required", null, Obligations("""{"require_license":true}"""))));

        var denied = set.Decide(Tenant(licensed: false));
        var allowed = set.Decide(Tenant(licensed: true));

        Assert.Equal("Tenant 'acme' holds no license for model 'support-intent' (rule license.required).", Assert.Single(denied.Denials).Message);
        Assert.True(allowed.Allowed);
        Assert.True(allowed.Obligations.RequireLicense);
    }

    [Fact]
    public void RequireConsent_WithoutRecordedConsent_DeniesAndWithGrantedConsentAllows()
    {
        var set = Compile(Rules(Rule("consent", null, Obligations("""{"require_consent":{"purpose":"request"}}"""))));
        var context = Tenant().Set(PolicyVocabulary.RequestPurpose, PolicyValue.Of("support"));

        Assert.Contains("'support' is none", Assert.Single(set.Decide(context).Denials).Message, StringComparison.Ordinal);
        Assert.True(set.Decide(context.WithConsent("support", "granted")).Allowed);
        Assert.Equal(["support"], set.Decide(context).Obligations.ConsentPurposes);
    }

    [Fact]
    public void RequireConsent_ForANamedPurpose_ChecksThatPurpose()
    {
        var set = Compile(Rules(Rule("consent", null, Obligations("""{"require_consent":{"purpose":"marketing"}}"""))));

        Assert.False(set.Decide(Tenant().WithConsent("support", "granted")).Allowed);
        Assert.False(set.Decide(Tenant().WithConsent("marketing", "withdrawn")).Allowed);
        Assert.True(set.Decide(Tenant().WithConsent("marketing", "granted")).Allowed);
    }

    [Fact]
    public void ConflictingObligations_TheStrictestWinsAndTheMergeIsExplained()
    {
        var set = Compile(Rules(
            Rule("a", null, Obligations("""{"retention":{"days":90},"anonymize":{"entities":["EMAIL_ADDRESS"],"operator":"mask"},"watermark":{"method":"metadata"}}""")),
            Rule("b", null, Obligations("""{"retention":{"days":30},"anonymize":{"entities":["PHONE_NUMBER"],"operator":"redact"},"encrypt_payloads":true}""")),
            Rule("c", null, Obligations("""{"retention":{"days":365},"watermark":{"method":"statistical"}}"""))));

        var decision = set.Decide(Tenant());

        var o = decision.Obligations;
        Assert.Equal((30, "redact", "statistical", true), (o.RetentionDays!.Value, o.AnonymizeOperator, o.Watermark, o.EncryptPayloads));
        Assert.Equal(["EMAIL_ADDRESS", "PHONE_NUMBER"], o.AnonymizeEntities);
        Assert.Equal(3, decision.MergeNotes.Count);
        Assert.Contains("a asks 90 days; b asks 30 days; c asks 365 days => retention: 30 days wins (the shorter)", decision.MergeNotes);
    }

    [Fact]
    public void Anonymize_OneRuleForEveryType_CoversEveryType()
    {
        var set = Compile(Rules(
            Rule("a", null, Obligations("""{"anonymize":{"entities":["EMAIL_ADDRESS"],"operator":"replace"}}""")),
            Rule("b", null, Obligations("""{"anonymize":{"operator":"hash"}}"""))));

        var o = set.Decide(Tenant()).Obligations;

        Assert.Equal("replace", o.AnonymizeOperator);
        Assert.Empty(o.AnonymizeEntities);
        Assert.Contains("anonymize:replace:*", o.Keys());
    }

    [Fact]
    public void Evaluate_IntoABuffer_GivesTheSameEffectAsDecide()
    {
        var set = Compile(Rules(Rule("license.required", null, Obligations("""{"require_license":true}"""))));
        var buffer = new DecisionBuffer();

        Assert.False(set.Evaluate(Tenant(licensed: false), buffer));
        Assert.Equal(1, buffer.DenyCount);
        Assert.True(set.Evaluate(Tenant(), buffer));
        Assert.Equal(0, buffer.DenyCount);
    }
}
