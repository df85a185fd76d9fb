using System.Globalization;
using System.Text;
using Governance.Domain.Policies;
using Governance.Installation.Configuration;
using Governance.Installation.Policies;
using V = Governance.Domain.Policies.PolicyVocabulary;

namespace Governance.Benchmarks;

/// <summary>The policy sets and contexts the policy benchmarks decide with.</summary>
internal static class PolicySets
{
    public static CompiledPolicySet Default() =>
        PolicyLoader.Compile(File.ReadAllText(Path.Combine(LocalPaths.Root, "policies", "default.yaml")), "1");

    /// <summary>
    /// 1,000 rules of the shapes real sets have: per-tenant denials, tag- and region-scoped obligations, time
    /// windows, nested any/not; validated like any draft (no unreachable or shadowed rule).
    /// </summary>
    public static CompiledPolicySet Generated(int count)
    {
        var yaml = new StringBuilder("name: generated\nrules:\n  - id: license.required\n    obligations: { require_license: true }\n");
        for (var i = 1; i < count; i++)
        {
            var id = $"rule-{i.ToString("D4", CultureInfo.InvariantCulture)}";
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: {id}\n    when:\n      all:\n");
            yaml.Append(CultureInfo.InvariantCulture, $"        - tenant.id: {{ equals: tenant-{i % 400} }}\n");
            switch (i % 4)
            {
                case 0:
                    yaml.Append(CultureInfo.InvariantCulture, $"        - model.tags: {{ contains: tag-{i % 37} }}\n    deny: {{ message: rule {i} }}\n");
                    break;
                case 1:
                    yaml.Append(CultureInfo.InvariantCulture, $"        - tenant.region: {{ in: [eu, uk, r{i % 11}] }}\n    obligations: {{ retention: {{ days: {1 + (i % 300)} }} }}\n");
                    break;
                case 2:
                    yaml.Append(CultureInfo.InvariantCulture, $"        - time.hour: {{ gte: {i % 12} }}\n        - time.hour: {{ lt: {12 + (i % 12)} }}\n    obligations: {{ anonymize: {{ entities: [EMAIL_ADDRESS], operator: mask }} }}\n");
                    break;
                default:
                    yaml.Append(CultureInfo.InvariantCulture, $"        - any: [{{ request.purpose: {{ equals: p{i % 9} }} }}, {{ not: {{ model.name: {{ equals: m{i % 5} }} }} }}]\n    obligations: {{ watermark: {{ method: metadata }} }}\n");
                    break;
            }
        }

        return PolicyLoader.Compile(yaml.ToString(), "generated");
    }

    /// <summary>A licensed tenant calling the PII-bearing text model at 14:00 UTC (matches some generated rules).</summary>
    public static DecisionContext TenantCall(string tenant = "tenant-7") =>
        new DecisionContext()
            .Set(V.PrincipalId, PolicyValue.Of("svc-" + tenant)).Set(V.PrincipalRole, PolicyValue.Of("tenant"))
            .Set(V.PrincipalTenant, PolicyValue.Of(tenant)).Set(V.TenantId, PolicyValue.Of(tenant))
            .Set(V.TenantRegion, PolicyValue.Of("eu")).Set(V.TenantLicensed, PolicyValue.Of(true))
            .Set(V.ModelName, PolicyValue.Of("support-intent")).Set(V.ModelTags, PolicyValue.Of(["text", "pii-bearing", "tag-3"]))
            .Set(V.RequestEndpoint, PolicyValue.Of("model.predict")).Set(V.RequestPurpose, PolicyValue.Of("p1"))
            .Set(V.RequestDataSubject, PolicyValue.Of(false)).Set(V.RequestInputSize, PolicyValue.Of(240))
            .Set(V.ConsentState, PolicyValue.Of("none"))
            .AtTime(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
}
