using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Hostile;

/// <summary>
/// Sends hostile cases and checks what issue 11 asks of each: a 4xx answer (never a 5xx), no change to
/// the catalog or the policy history, audit entries that are all refusals, and a service still ready.
/// </summary>
internal sealed class HostileHarness(ApiFactory api)
{
    private const string StateSql =
        "SELECT (SELECT count(*) FROM tenants) + (SELECT count(*) FROM model_versions) + (SELECT count(*) FROM license_grants)"
        + " + (SELECT count(*) FROM oauth_clients) + (SELECT count(*) FROM policy_versions) + (SELECT count(*) FROM policy_approvals)"
        + " + (SELECT count(*) FROM policy_activations)";

    public async Task AssertAllRefusedAsync(IEnumerable<HostileCase> cases)
    {
        var failures = new List<string>();
        var state = await api.ScalarAsync(StateSql);
        var lastRecord = await api.ScalarAsync("SELECT coalesce(max(id), 0) FROM audit_records");
        var models = Directory.EnumerateFiles(api.ModelStorePath, "*", SearchOption.AllDirectories).Count();
        var sent = 0;
        var answered = 0;
        foreach (var hostile in cases)
        {
            sent++;
            var (status, body) = await SendAsync(hostile);
            if (hostile.Bounded && status is >= 200 and < 300 && body.Length <= 1 << 20)
            {
                answered++;
            }
            else if (status is < 400 or >= 500)
            {
                failures.Add($"{hostile}: {status} {(body.Length > 300 ? body[..300] : body)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile cases were not refused with a 4xx:\n" + string.Join("\n", failures));
        Assert.Equal(state, await api.ScalarAsync(StateSql));
        Assert.Equal(models, Directory.EnumerateFiles(api.ModelStorePath, "*", SearchOption.AllDirectories).Count());
        // Every entry the cases caused is a refusal, but for the bounded reads that were answered.
        Assert.True(answered >= await api.ScalarAsync($"SELECT count(*) FROM audit_records WHERE id > {lastRecord} AND outcome NOT IN ('rejected', 'denied')"));
        Assert.True(await api.ScalarAsync($"SELECT count(*) FROM audit_records WHERE id > {lastRecord}") >= sent / 2, "refusals should be audited");
        await AssertReadyAsync();
    }

    public async Task AssertReadyAsync()
    {
        using var anonymous = api.CreateClient();
        using var ready = await anonymous.GetAsync("/v2/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var tenant = api.ClientAs("tenant", "acme");
        using var predict = await tenant.PostAsync("/api/v1/models/support-intent/predict", HostileCase.Text("""{"text":"my card was charged twice"}""", "application/json"));
        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
    }

    private async Task<(int Status, string Body)> SendAsync(HostileCase hostile)
    {
        using var client = hostile.Role == "anonymous" ? api.CreateClient() : api.ClientAs(hostile.Role, hostile.Tenant);
        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Path) { Content = hostile.Body() };
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
