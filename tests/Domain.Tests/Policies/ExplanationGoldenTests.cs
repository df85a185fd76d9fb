using Governance.Domain.Policies;
using static Governance.Domain.Tests.Policies.Policy;

namespace Governance.Domain.Tests.Policies;

/// <summary>
/// The explanation text is compared with files under Golden/. To accept a deliberate change, run with
/// GOVERNANCE_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class ExplanationGoldenTests
{
    private static readonly string Set = Rules(
        Rule("license.required", """{"any":[{"principal.role":{"equals":"tenant"}},{"request.endpoint":{"in":["model.infer","model.predict"]}}]}""", Obligations("""{"require_license":true}""")),
        Rule("pii.redact", """{"model.tags":{"contains":"pii-bearing"}}""", Obligations("""{"anonymize":{"entities":["EMAIL_ADDRESS"],"operator":"redact"},"retention":{"days":30}}""")),
        Rule("retention.default", null, Obligations("""{"retention":{"days":365},"anonymize":{"operator":"mask"}}""")),
        Rule("night.closed", """{"all":[{"time.hour":{"gte":22}},{"tenant.tier":{"equals":"standard"}}]}""", Deny("Closed at night for standard tenants.")));

    [Fact]
    public void Explain_LicensedTenantOnPiiModel_AllowsWithMergedObligations() =>
        AssertGolden("allow-merged.txt", DecisionExplanation.Explain(Compile(Set, "7"), Tenant()).ToText());

    [Fact]
    public void Explain_UnlicensedStandardTenantAtNight_DeniesNamingBothRules() =>
        AssertGolden("deny-two-rules.txt", DecisionExplanation.Explain(Compile(Set, "7"),
            Tenant(licensed: false).Set(PolicyVocabulary.TenantTier, PolicyValue.Of("standard")).AtTime(new DateTimeOffset(2026, 12, 1, 23, 5, 0, TimeSpan.Zero))).ToText());

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(SourceDirectory(), "Golden", name);
        if (Environment.GetEnvironmentVariable("GOVERNANCE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
