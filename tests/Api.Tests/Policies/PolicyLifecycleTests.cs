using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Policies;

[Collection(PolicyCollection.Name)]
public sealed class PolicyLifecycleTests(ApiFactory api)
{
    private const string DenyAcmeOnSupport = """
        name: close-support-for-acme
        rules:
          - id: license.required
            when:
              any:
                - principal.role: { equals: tenant }
                - request.endpoint: { in: [model.infer, model.predict] }
            obligations:
              require_license: true
          - id: acme.support-closed
            description: Acme's support-intent use is suspended.
            when:
              all:
                - tenant.id: { equals: acme }
                - model.name: { equals: support-intent }
            deny:
              message: Support-intent is suspended for Acme pending review.
        """;

    [Fact]
    public async Task EditSimulateApproveActivate_ChangesTheNextCallsDecision_AndRollbackRestoresIt()
    {
        var before = await api.PredictAsync("my card was charged twice", HttpStatusCode.OK);
        var allowedSequence = before.GetProperty("audit").GetProperty("sequence").GetInt64();
        using var alice = api.Admin("alice");
        using var bob = api.Admin("bob");
        using var active = await alice.GetAsync("/api/v1/policies/active");
        var previous = (await active.ReadJsonAsync()).GetProperty("version").GetInt32();

        var draft = await alice.CreateDraftAsync(DenyAcmeOnSupport);
        using var simulated = await alice.PostAsync($"/api/v1/policies/{draft}/simulate?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}", null);
        var report = (await simulated.ReadJsonAsync()).GetProperty("report");
        Assert.True(report.GetProperty("allowToDeny").GetInt32() >= 1, report.ToString());
        Assert.Contains(report.GetProperty("samples").EnumerateArray(), s => s.GetProperty("sequence").GetInt64() == allowedSequence && s.GetProperty("kind").GetString() == "allow_to_deny");
        Assert.Contains(report.GetProperty("rules").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "acme.support-closed" && r.GetProperty("allowToDeny").GetInt32() >= 1);
        await api.PredictAsync("still allowed: the draft is not active", HttpStatusCode.OK);

        using (var approved = await bob.PostAsync($"/api/v1/policies/{draft}/approve", null))
        {
            Assert.Equal("approved", (await approved.ReadJsonAsync()).GetProperty("status").GetString());
        }

        await api.ActivateAsync(draft);
        var denied = await api.PredictAsync("my card was charged twice", HttpStatusCode.Forbidden);
        Assert.Equal(["acme.support-closed"], denied.GetProperty("ruleIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("suspended for Acme", denied.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {denied.GetProperty("auditSequence").GetInt64()} AND policy_version = '{draft}' " +
            "AND status_code = 403 AND decision::jsonb->>'effect' = 'deny' AND decision::jsonb->'denied_by' ? 'acme.support-closed'"));

        await api.ActivateAsync(previous);
        await api.PredictAsync("allowed again after the rollback", HttpStatusCode.OK);
        Assert.Equal(2, await api.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE action = 'policy.activate' AND policy_version IN ('{draft}', '{previous}') AND status_code = 200 AND sequence > {allowedSequence}"));
    }

    [Fact]
    public async Task Draft_ThatIsInvalid_Returns400WithEveryErrorAndStoresNothing()
    {
        using var alice = api.Admin("alice");
        var versions = await api.ScalarAsync("SELECT count(*) FROM policy_versions");
        const string yaml = """
            name: broken
            rules:
              - id: a
                when: { model.tagz: { contains: x } }
                deny: { message: no }
              - id: b
                when: { time.hour: { gt: "late" } }
                deny: { message: no }
              - id: c
                when: { request.endpoint: { in: [] } }
                obligations: { retention: { days: 3 } }
            """;

        using var response = await alice.PostAsync("/api/v1/policies", PolicyApi.Yaml(yaml));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "policy-invalid");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("ruleId").GetString(), e.GetProperty("path").GetString())).ToList();
        Assert.Equal([("unknown-attribute", "a", "/rules/0/when/model.tagz"), ("wrong-type", "b", "/rules/1/when/time.hour/gt"), ("unreachable", "c", "/rules/2/when/request.endpoint/in")], errors);
        Assert.Equal(versions, await api.ScalarAsync("SELECT count(*) FROM policy_versions"));

        using var semantic = await alice.PostAsync("/api/v1/policies", PolicyApi.Yaml("name: s\nrules:\n  - id: c\n    when: { request.endpoint: { in: [] } }\n    deny: { message: x }\n"));
        var unreachable = (await semantic.AssertProblemAsync(HttpStatusCode.BadRequest, "policy-invalid")).GetProperty("errors")[0];
        Assert.Equal(("unreachable", "c"), (unreachable.GetProperty("code").GetString(), unreachable.GetProperty("ruleId").GetString()));
    }

    [Fact]
    public async Task Draft_WithBrokenYaml_Returns400NamingTheLine()
    {
        using var alice = api.Admin("alice");

        using var response = await alice.PostAsync("/api/v1/policies", PolicyApi.Yaml("name: x\nrules: [\n  - id: a"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "policy-invalid");
        Assert.Contains("line", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Tenant)]
    [InlineData(Roles.Compliance)]
    public async Task Draft_ByANonAdmin_Returns403AndStoresNothing(string role)
    {
        using var client = api.ClientAs(role, role == Roles.Tenant ? "acme" : null);
        var versions = await api.ScalarAsync("SELECT count(*) FROM policy_versions");

        using var response = await client.PostAsync("/api/v1/policies", PolicyApi.Yaml(PolicyApi.DefaultYaml));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(versions, await api.ScalarAsync("SELECT count(*) FROM policy_versions"));
    }

    [Fact]
    public async Task Tenant_CannotReadOrApproveOrActivate()
    {
        using var tenant = api.ClientAs(Roles.Tenant, "acme");

        foreach (var call in new Func<Task<HttpResponseMessage>>[]
        {
            () => tenant.GetAsync("/api/v1/policies"),
            () => tenant.PostAsync("/api/v1/policies/1/approve", null),
            () => tenant.PostAsync("/api/v1/policies/1/activate", null),
            () => tenant.PostAsJsonAsync("/api/v1/policies/evaluate", new { context = new { } }),
        })
        {
            using var response = await call();
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Fact]
    public async Task Approve_ByTheAuthor_Returns403WithItsOwnCode()
    {
        using var alice = api.Admin("alice");
        var version = await alice.CreateDraftAsync(PolicyApi.DefaultYaml);

        using var response = await alice.PostAsync($"/api/v1/policies/{version}/approve", null);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-self-approval");
        Assert.Equal(0, await api.ScalarAsync($"SELECT count(*) FROM policy_approvals WHERE version = {version}"));
        Assert.Equal(1, await api.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE action = 'policy.approve' AND policy_version = '{version}' AND error_code = 'policy-self-approval'"));
    }

    [Fact]
    public async Task Activate_WithoutApproval_Returns409_AndInAnEmergencyIsMarkedInTheTrail()
    {
        using var alice = api.Admin("alice");
        var version = await alice.CreateDraftAsync(PolicyApi.DefaultYaml);

        using var refused = await alice.PostAsync($"/api/v1/policies/{version}/activate", null);
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "policy-not-approved");
        using var noReason = await alice.PostAsJsonAsync($"/api/v1/policies/{version}/activate", new { emergency = true });
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        // Issue 11: an emergency skips the approval, not the second admin.
        using var bob = api.Admin("bob");
        using var emergency = await bob.PostAsJsonAsync($"/api/v1/policies/{version}/activate", new { emergency = true, reason = "incident 42" });

        Assert.True((await emergency.ReadJsonAsync()).GetProperty("emergency").GetBoolean());
        await api.WaitForActiveAsync(version);
        Assert.Equal(1, await api.ScalarAsync($"SELECT count(*) FROM policy_activations WHERE version = {version} AND emergency AND reason = 'incident 42'"));
        Assert.Equal(1, await api.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE action = 'policy.activate.emergency' AND policy_version = '{version}' AND status_code = 200"));
    }

    [Fact]
    public async Task PolicyHistory_CannotBeChangedEvenByTheOwner()
    {
        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => api.ScalarAsync("UPDATE policy_versions SET name = 'x' RETURNING 1"));

        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
    }
}
