using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Governance.Api.Tests.Observability;

/// <summary>
/// /metrics after real governed calls (real PostgreSQL, real ONNX Runtime): every counter and every histogram's
/// count moves by exactly the calls made, stage by stage. A host of its own over the shared database, with a
/// meter name of its own, so the other hosts of this test run cannot add to (or drop) its series.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsTests(ApiFactory api) : IDisposable
{
    private readonly WebApplicationFactory<Program> _host = api.WithWebHostBuilder(
        b => b.UseSetting("Governance:Observability:MeterName", "Governance.Api.MetricsTests"));

    private const string Path = "/v2/models/credit-risk/infer";
    private static readonly (string, string) CreditRisk = ("model", "credit-risk");

    private static object Body(string datatype) => new
    {
        inputs = new[] { new { name = "applicant", shape = new[] { 1, 4 }, datatype, data = new[] { 50f, 0.3f, 35f, 1f } } },
    };

    [Fact]
    public async Task Metrics_AfterRealCalls_MoveByExactlyTheCallsMade()
    {
        using var acme = Client("acme");
        using var other = Client("other");
        // Warm: the model is loaded and the series exist before the first scrape.
        (await acme.PostAsJsonAsync(Path, Body("FP32"))).EnsureSuccessStatusCode();
        var before = await ScrapeSettledAsync();

        for (var i = 0; i < 3; i++)
        {
            (await acme.PostAsJsonAsync(Path, Body("FP32"))).EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await acme.PostAsJsonAsync(Path, Body("INT64"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(Path, Body("FP32"))).StatusCode);
        var after = await ScrapeSettledAsync();

        double Delta(string metric, params (string, string)[] labels) => after.Sum(metric, [CreditRisk, .. labels]) - before.Sum(metric, [CreditRisk, .. labels]);
        Assert.Equal(3, Delta("governance_requests_total", ("outcome", "success")));
        Assert.Equal(1, Delta("governance_requests_total", ("outcome", "invalid")));
        Assert.Equal(1, Delta("governance_requests_total", ("outcome", "not_found")));
        Assert.Equal(5, Delta("governance_request_duration_seconds_count"));
        Assert.Equal(3, Delta("governance_inferences_total"));
        Assert.Equal(3, Delta("governance_executions_total"));
        Assert.Equal(3, Delta("governance_inference_compute_duration_seconds_count"));
        // The invalid call waited for the model and was refused by it; the refused tenant never got that far.
        Assert.Equal(4, Delta("governance_inference_queue_duration_seconds_count"));
        Assert.Equal(5, Delta("governance_stage_duration_seconds_count", ("stage", "authentication")));
        Assert.Equal(5, Delta("governance_stage_duration_seconds_count", ("stage", "policy")));
        Assert.Equal(3, Delta("governance_stage_duration_seconds_count", ("stage", "anonymization")));
        Assert.Equal(5, Delta("governance_stage_duration_seconds_count", ("stage", "audit_durable")));
        // Measured after the answer left (ADR-029), one per durable entry.
        Assert.Equal(5, Delta("governance_stage_duration_seconds_count", ("stage", "audit_integrated")));
        Assert.True(Delta("governance_stage_duration_seconds_sum", ("stage", "audit_durable")) > 0);
    }

    [Fact]
    public async Task Metrics_SayWhichExecutionProviderEachModelUses()
    {
        using var acme = Client("acme");
        // Models load when first called (or at start-up warm-up): make sure this one is loaded here.
        (await acme.PostAsJsonAsync(Path, Body("FP32"))).EnsureSuccessStatusCode();

        var scrape = await ScrapeAsync();

        Assert.True(scrape.Has("governance_model_loaded", CreditRisk, ("execution_provider", "CPUExecutionProvider")));
    }

    [Fact]
    public async Task Metrics_ShowEachLoadedVersionsSessionPool()
    {
        using var acme = Client("acme");
        (await acme.PostAsJsonAsync(Path, Body("FP32"))).EnsureSuccessStatusCode();

        var scrape = await ScrapeAsync();

        // The default pool (Governance:Models:SessionsPerModel) is one session; nothing runs or waits between calls.
        Assert.Equal(1, scrape.Sum("governance_model_sessions", CreditRisk));
        Assert.True(scrape.Has("governance_model_sessions_busy", CreditRisk));
        Assert.Equal(0, scrape.Sum("governance_model_calls_queued", CreditRisk));
    }

    [Fact]
    public async Task Metrics_DoNotKeepModelNamesAClientMadeUp()
    {
        using var acme = Client("acme");

        Assert.Equal(HttpStatusCode.NotFound, (await acme.PostAsJsonAsync("/v2/models/made-up-name-4711/infer", Body("FP32"))).StatusCode);

        var scrape = await ScrapeAsync();
        Assert.False(scrape.Has("governance_requests_total", ("model", "made-up-name-4711")));
        Assert.True(scrape.Has("governance_requests_total", ("model", "unknown"), ("outcome", "not_found")));
    }

    public void Dispose() => _host.Dispose();

    private HttpClient Client(string tenant)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.TokenFor(Roles.Tenant, tenant));
        return client;
    }

    // Integration is timed after the answer has left (ADR-029): scrape once every durable entry's integration is counted.
    private async Task<PrometheusText> ScrapeSettledAsync()
    {
        static double Count(PrometheusText t, string stage) => t.Sum("governance_stage_duration_seconds_count", CreditRisk, ("stage", stage));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var scrape = await ScrapeAsync();
            if (Count(scrape, "audit_integrated") >= Count(scrape, "audit_durable") || DateTime.UtcNow > deadline)
            {
                return scrape;
            }

            await Task.Delay(20);
        }
    }

    private async Task<PrometheusText> ScrapeAsync()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }
}
