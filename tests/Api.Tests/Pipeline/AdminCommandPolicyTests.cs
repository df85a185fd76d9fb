using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Policies;

namespace Governance.Api.Tests.Pipeline;

/// <summary>
/// Admin commands are decided by the active policy (DESIGN.md): the default lets admins grant licenses, a
/// policy that forbids grants turns the same call into a 403 naming the rule, audited with its decision,
/// and nothing is granted. Its own database: it changes what the active policy decides.
/// </summary>
public sealed class AdminCommandPolicyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string FreezeGrants = """
        name: grants-frozen
        rules:
          - id: license.required
            when:
              any:
                - principal.role: { equals: tenant }
                - request.endpoint: { in: [model.infer, model.predict] }
            obligations:
              require_license: true
          - id: licenses.frozen
            description: No new licenses during the audit.
            when: { request.action: { equals: license.grant } }
            deny:
              message: License grants are frozen during the audit.
        """;

    [Fact]
    public async Task LicenseGrant_AllowedToAdminsByDefault_DeniedWith403AndAudited_ByAPolicyThatForbidsIt()
    {
        using var admin = api.Admin("carol");
        using (var allowed = await admin.PostAsJsonAsync("/api/v1/tenants/other/licenses", new { model = Seeder.SupportIntent.Manifest.Name }))
        {
            await allowed.ReadJsonAsync(HttpStatusCode.Created);
            var sequence = allowed.Headers.GetValues("X-Audit-Sequence").Single();
            Assert.Equal(1, await api.ScalarAsync(
                $"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND action = 'license.grant' AND status_code = 201 " +
                "AND policy_version = '1' AND decision::jsonb->>'effect' = 'allow' AND decision::jsonb->'context'->>'request.action' = 'license.grant'"));
        }

        var frozen = await api.ActivateNewAsync(FreezeGrants);
        using var denied = await admin.PostAsJsonAsync("/api/v1/tenants/other/licenses", new { model = Seeder.CreditRisk.Manifest.Name });

        var problem = await denied.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-denied");
        Assert.Equal(["licenses.frozen"], problem.GetProperty("ruleIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("frozen during the audit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var deniedSequence = problem.GetProperty("auditSequence").GetInt64();
        Assert.Equal(deniedSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), denied.Headers.GetValues("X-Audit-Sequence").Single());
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {deniedSequence} AND action = 'license.grant' AND status_code = 403 " +
            $"AND outcome = 'denied' AND policy_version = '{frozen}' AND 'licenses.frozen' = ANY(rule_ids) " +
            "AND decision::jsonb->>'effect' = 'deny' AND decision::jsonb->'denied_by' ? 'licenses.frozen'"));
        Assert.Equal(0, await api.ScalarAsync($"SELECT count(*) FROM license_grants WHERE tenant_id = 'other' AND model_name = '{Seeder.CreditRisk.Manifest.Name}'"));

        // Only grants are frozen: the policy decides per action.
        using var revoked = await admin.DeleteAsync($"/api/v1/tenants/other/licenses/{Seeder.SupportIntent.Manifest.Name}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
    }
}
