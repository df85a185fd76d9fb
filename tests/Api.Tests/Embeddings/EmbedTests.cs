using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Embeddings;

[Collection(ApiCollection.Name)]
public sealed class EmbedTests(ApiFactory api) : IAsyncLifetime
{
    private const string Path = "/api/v1/models/" + MiniLmRegistration.Plain + "/embed";

    public Task InitializeAsync() => MiniLmRegistration.EnsureAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Embed_ByLicensedTenant_ReturnsUnitVectorsAndAuditsModelEmbed()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync(Path, new
        {
            input = new[] { "A man is playing a guitar.", "Someone is playing an instrument.", "The stock market fell sharply today." },
        });

        var body = await response.ReadJsonAsync();
        var v = Vectors(body.GetProperty("embeddings"));
        Assert.Equal(3, v.Length);
        Assert.All(v, x => Assert.Equal(384, x.Length));
        Assert.All(v, x => Assert.InRange(Math.Sqrt(x.Sum(f => (double)f * f)), 0.9999, 1.0001));
        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.2);
        Assert.True(body.GetProperty("tokens").GetInt32() > 3 * 2);
        var sequence = body.GetProperty("audit").GetProperty("sequence").GetInt64();
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND action = 'model.embed' AND tenant_id = 'acme' " +
            $"AND model_name = '{MiniLmRegistration.Plain}' AND status_code = 200 AND model_digest IS NOT NULL AND input_digest IS NOT NULL AND output_digest IS NOT NULL"));
    }

    [Fact]
    public async Task Embed_OneText_EqualsTheSameTextInAnArray()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var single = await client.PostAsJsonAsync(Path, new { input = "Where is my parcel?" });
        using var batch = await client.PostAsJsonAsync(Path, new { input = new[] { "Where is my parcel?", "A longer second text so that the first row is padded." } });

        var one = Vectors((await single.ReadJsonAsync()).GetProperty("embeddings"));
        var two = Vectors((await batch.ReadJsonAsync()).GetProperty("embeddings"));
        Assert.Single(one);
        Assert.True(Cosine(one[0], two[0]) >= 0.99999);
    }

    [Fact]
    public async Task Embed_TextWithPii_TheModelSeesItAnonymized()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var raw = await client.PostAsJsonAsync(Path, new { input = "Please write to jane.roe@example.com about the refund" });
        using var replaced = await client.PostAsJsonAsync(Path, new { input = "Please write to <EMAIL_ADDRESS> about the refund" });

        var body = await raw.ReadJsonAsync();
        var anonymized = body.GetProperty("anonymized").EnumerateArray().ToArray();
        Assert.Contains(anonymized, a => a.GetProperty("entity_type").GetString() == "EMAIL_ADDRESS" && a.GetProperty("count").GetInt32() == 1);
        var expected = Vectors((await replaced.ReadJsonAsync()).GetProperty("embeddings"))[0];
        Assert.True(Cosine(Vectors(body.GetProperty("embeddings"))[0], expected) >= 0.99999);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"input\": []}")]
    [InlineData("{\"input\": [\"\"]}")]
    [InlineData("{\"input\": [[101, 102]]}")]
    [InlineData("{\"input\": 42}")]
    public async Task Embed_BadInput_Returns400AndRunsNothing(string json)
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var catalog = await api.CatalogRowCountAsync();

        using var response = await client.PostAsync(Path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(catalog, await api.CatalogRowCountAsync());
    }

    [Fact]
    public async Task Embed_OnANonEncoderModel_Returns400()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/models/support-intent/embed", new { input = "hello" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-inference-input");
    }

    [Fact]
    public async Task Embed_ByUnlicensedTenant_Returns403WithRuleId()
    {
        using var client = api.ClientAs(Roles.Tenant, "other");

        using var response = await client.PostAsJsonAsync(Path, new { input = "hello" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-denied");
        Assert.Equal(["license.required"], problem.GetProperty("ruleIds").EnumerateArray().Select(r => r.GetString()));
    }

    internal static float[][] Vectors(JsonElement array) =>
        [.. array.EnumerateArray().Select(v => v.EnumerateArray().Select(x => x.GetSingle()).ToArray())];

    internal static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(na) / Math.Sqrt(nb);
    }
}
