using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Inference.Runtime;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Embeddings;

/// <summary>Dynamic batching over HTTP, on a copy of MiniLM that runs only full batches.</summary>
[Collection(ApiCollection.Name)]
public sealed class EmbedBatchingTests(ApiFactory api) : IAsyncLifetime
{
    private const string Path = "/api/v1/models/" + MiniLmRegistration.Batched + "/embed";

    public Task InitializeAsync() => MiniLmRegistration.EnsureAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ConcurrentCalls_RunAsOneSessionRun_MatchUnbatched_AndABadCallFailsAlone()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var texts = Enumerable.Range(0, MiniLmRegistration.BatchRows).Select(i => $"Caller {i} asks where parcel {i * 13} is.").ToArray();
        using (var warm = await client.PostAsJsonAsync("/api/v1/models/" + MiniLmRegistration.Plain + "/embed", new { input = "warm" }))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        Assert.True(api.Services.GetRequiredService<ModelHost>().TryGet(MiniLmRegistration.Batched, "1", out var model));
        var before = model.SessionRuns;

        var bad = client.PostAsJsonAsync(Path, new { input = new[] { "" } });
        var calls = texts.Select(t => client.PostAsJsonAsync(Path, new { input = t })).ToArray();
        using var badResponse = await bad;
        await badResponse.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var responses = await Task.WhenAll(calls);

        var batched = new float[texts.Length][];
        for (var i = 0; i < responses.Length; i++)
        {
            using var response = responses[i];
            batched[i] = EmbedTests.Vectors((await response.ReadJsonAsync()).GetProperty("embeddings"))[0];
        }

        Assert.Equal(1, model.SessionRuns - before);
        using var unbatched = await client.PostAsJsonAsync("/api/v1/models/" + MiniLmRegistration.Plain + "/embed", new { input = texts });
        var expected = EmbedTests.Vectors((await unbatched.ReadJsonAsync()).GetProperty("embeddings"));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(EmbedTests.Cosine(expected[i], batched[i]) >= 0.99999, $"caller {i}");
        }
    }

    [Theory]
    [InlineData("encoder", "{\"tokenizer\":\"bert-wordpiece\",\"vocabulary\":[\"hello\"]}")]
    [InlineData("batching", "{\"maxBatchSize\":0}")]
    [InlineData("batching", "{\"maxBatchSize\":4,\"preferredBatchSizes\":[8]}")]
    public async Task Register_WithABadEncoderOrBatchingSpec_Returns400AndStoresNothing(string member, string value)
    {
        using var admin = api.ClientAs(Roles.Admin);
        var manifest = MiniLmRegistration.ManifestText(MiniLmRegistration.Manifest("minilm-refused", null));
        var node = System.Text.Json.Nodes.JsonNode.Parse(manifest)!;
        node[member] = System.Text.Json.Nodes.JsonNode.Parse(value);
        var catalog = await api.CatalogRowCountAsync();

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(MiniLmRegistration.OnnxBytes, node.ToJsonString()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("manifest." + member, out _), problem.ToString());
        Assert.Equal(catalog, await api.CatalogRowCountAsync());
    }
}
