using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Observability;
using Governance.DemoModels;
using Governance.Domain.Models;
using Governance.Inference.Runtime;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Inference;

/// <summary>
/// /v2 batching of a tensor model over HTTP (real PostgreSQL, real ONNX Runtime): a copy of credit-risk that opts in
/// with a queue delay far longer than the test, so its runs happen only when a batch is full. A host of its own (own
/// meter name) so that the executions metric moves only by these calls.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TensorBatchingTests(ApiFactory api) : IAsyncLifetime
{
    private const string Batched = "credit-risk-batched";
    private const int Rows = 8;

    private readonly WebApplicationFactory<Program> _host = api.WithWebHostBuilder(
        b => b.UseSetting("Governance:Observability:MeterName", "Governance.Api.TensorBatchingTests"));

    public async Task InitializeAsync()
    {
        using var admin = Client(Roles.Admin, null);
        var manifest = Seeder.CreditRisk.Manifest with { Name = Batched, Batching = new BatchingSpec(Rows, 30_000_000) };
        using (var registered = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(Seeder.CreditRisk.OnnxBytes, Manifest(manifest))))
        {
            // 409: registered by an earlier host of this test run over the same database.
            Assert.True(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await registered.Content.ReadAsStringAsync());
        }

        using var licensed = await admin.PostAsJsonAsync("/api/v1/tenants/acme/licenses", new { model = Batched });
        Assert.True(licensed.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await licensed.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ConcurrentCalls_ShareOneSessionRun_MatchUnbatched_AndABadCallFailsAlone()
    {
        using var acme = Client(Roles.Tenant, "acme");
        var rows = Enumerable.Range(0, Rows).Select(i => new[] { 20f + (i * 7), 0.1f * i, 25f + i, i % 3 }).ToArray();
        var expected = new float[Rows];
        for (var i = 0; i < Rows; i++)
        {
            expected[i] = await ScoreAsync(acme, "credit-risk", rows[i]);
        }

        // A call of a full batch's rows runs alone at once; it makes sure this host has the model loaded.
        using (var warm = await acme.PostAsJsonAsync($"/v2/models/{Batched}/infer", Body([Rows, 4], [.. rows.SelectMany(r => r)])))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        Assert.True(_host.Services.GetRequiredService<ModelHost>().TryGet(Batched, "1", out var model));
        var runs = model.SessionRuns;
        var before = await ScrapeAsync();

        var bad = acme.PostAsJsonAsync($"/v2/models/{Batched}/infer", Body([1, 3], [1f, 2f, 3f]));
        var calls = rows.Select(r => ScoreAsync(acme, Batched, r)).ToArray();
        using (var refused = await bad)
        {
            await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-inference-input");
        }

        var scores = await Task.WhenAll(calls);
        var after = await ScrapeAsync();

        for (var i = 0; i < Rows; i++)
        {
            Assert.True(Math.Abs(expected[i] - scores[i]) <= 1e-6f, $"row {i}: {expected[i]} unbatched, {scores[i]} batched");
        }

        Assert.Equal(1, model.SessionRuns - runs);
        double Delta(string metric) => after.Sum(metric, ("model", Batched)) - before.Sum(metric, ("model", Batched));
        Assert.Equal(Rows, Delta("governance_inferences_total"));
        Assert.Equal(1, Delta("governance_executions_total"));
    }

    [Fact]
    public async Task Register_BatchingAModelWithoutABatchDimension_Returns400AndStoresNothing()
    {
        using var admin = Client(Roles.Admin, null);
        var demo = DemoModelFactory.Identity(TensorDataType.Fp32, [2, 3]);
        var manifest = demo.Manifest with { Name = "identity-fixed-batched", Batching = new BatchingSpec(4) };
        var catalog = await api.CatalogRowCountAsync();

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(demo.OnnxBytes, Manifest(manifest)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem.GetProperty("errors").GetProperty("manifest.batching");
        Assert.Contains("batch dimension (-1)", errors[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(catalog, await api.CatalogRowCountAsync());
    }

    private static string Manifest(ModelManifest manifest) => JsonSerializer.Serialize(manifest, Governance.Api.ModelStore.ManifestJson.Options);

    private static object Body(int[] shape, float[] data) => new
    {
        inputs = new[] { new { name = "applicant", shape, datatype = "FP32", data } },
    };

    private static async Task<float> ScoreAsync(HttpClient client, string model, float[] row)
    {
        using var response = await client.PostAsJsonAsync($"/v2/models/{model}/infer", Body([1, 4], row));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var output = (await response.ReadJsonAsync()).GetProperty("outputs")[0];
        Assert.Equal("[1,1]", output.GetProperty("shape").GetRawText());
        return output.GetProperty("data")[0].GetSingle();
    }

    private HttpClient Client(string role, string? tenant)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.TokenFor(role, tenant));
        return client;
    }

    private async Task<PrometheusText> ScrapeAsync()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }
}
