using System.Net;
using Governance.Api.Errors;
using Governance.Api.Features.Inference;
using Governance.Api.Observability;
using Governance.Api.Pipeline;
using Governance.Api.PolicyEngine;
using Governance.Api.Security;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Policies;

[Collection(PolicyCollection.Name)]
public sealed class PolicyReadTests(ApiFactory api)
{
    [Fact]
    public async Task FreshDatabase_IsSeededWithTheDefaultSetAsVersionOne_Audited()
    {
        using var compliance = api.ClientAs(Roles.Compliance);

        using var response = await compliance.GetAsync("/api/v1/policies/1");

        var version = await response.ReadJsonAsync();
        Assert.Equal(("default", "system:seed"), (version.GetProperty("name").GetString(), version.GetProperty("createdBy").GetString()));
        Assert.Equal(["license.required", "admin.commands"], version.GetProperty("ruleIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Governance.Installation.Configuration.LocalPaths.Root, "policies", "default.yaml")), version.GetProperty("source").GetString());
        Assert.Equal(1, await api.ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'policy.seed' AND policy_version = '1'"));
    }

    [Fact]
    public async Task List_ShowsEveryVersionNewestFirstWithItsStatus()
    {
        using var alice = api.Admin("alice");
        var draft = await alice.CreateDraftAsync(PolicyApi.DefaultYaml);

        using var response = await alice.GetAsync("/api/v1/policies");

        var versions = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(draft, versions[0].GetProperty("version").GetInt32());
        Assert.Equal("draft", versions[0].GetProperty("status").GetString());
        Assert.Single(versions, v => v.GetProperty("status").GetString() == "active");
    }

    [Fact]
    public async Task Simulate_WithAnEmptyWindow_Returns400AndAnUnknownVersion404()
    {
        using var alice = api.Admin("alice");

        using var backwards = await alice.PostAsync("/api/v1/policies/1/simulate?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", null);
        using var missing = await alice.PostAsync("/api/v1/policies/9999/simulate", null);

        await backwards.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GovernedCall_WithNoActivePolicy_FailsClosedWith503()
    {
        var behaviour = new PolicyBehaviour<Predict, PredictResult>(new ActivePolicy(), null!, null!, new PolicyDecisionScope(), new AuditScope(),
            new CurrentPrincipal("t", Roles.Tenant, "acme", null), new HttpContextAccessor(), api.Services.GetRequiredService<GovernanceTelemetry>());

        var refused = await Assert.ThrowsAsync<GovernanceException>(() => behaviour.Handle(new Predict("support-intent", null, "hi"), CancellationToken.None,
            () => throw new InvalidOperationException("the handler must not run")));

        Assert.Equal((503, ErrorCodes.Unavailable), (refused.Status, refused.Code));
    }
}
