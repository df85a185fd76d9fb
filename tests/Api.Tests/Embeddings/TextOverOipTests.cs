using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Embeddings;

/// <summary>Text models take a BYTES "text" input over /v2 too: the encoder answers embeddings, the classifier scores.</summary>
[Collection(ApiCollection.Name)]
public sealed class TextOverOipTests(ApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => MiniLmRegistration.EnsureAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Infer_BytesTextOnTheEncoder_ReturnsTheEmbedEndpointsVectors()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        string[] texts = ["A man is playing a guitar.", "The stock market fell sharply today."];

        using var infer = await client.PostAsJsonAsync($"/v2/models/{MiniLmRegistration.Plain}/infer", new
        {
            inputs = new[] { new { name = "text", datatype = "BYTES", shape = new[] { 2 }, data = texts } },
        });
        using var embed = await client.PostAsJsonAsync($"/api/v1/models/{MiniLmRegistration.Plain}/embed", new { input = texts });

        var output = (await infer.ReadJsonAsync()).GetProperty("outputs")[0];
        Assert.Equal("embedding", output.GetProperty("name").GetString());
        Assert.Equal("FP32", output.GetProperty("datatype").GetString());
        Assert.Equal([2L, 384L], output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        var flat = output.GetProperty("data").EnumerateArray().Select(x => x.GetSingle()).ToArray();
        var expected = EmbedTests.Vectors((await embed.ReadJsonAsync()).GetProperty("embeddings"));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(EmbedTests.Cosine(expected[i], flat[(i * 384)..((i + 1) * 384)]) >= 0.99999);
        }
    }

    [Fact]
    public async Task Infer_BytesTextOnTheSupportIntentClassifier_ScoresTheText()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/v2/models/support-intent/infer", new
        {
            inputs = new[] { new { name = "text", datatype = "BYTES", shape = new[] { 1, 1 }, data = new[] { new[] { "I was charged twice on my credit card this month, please refund me" } } } },
        });

        var output = (await response.ReadJsonAsync()).GetProperty("outputs")[0];
        var labels = Seeder.SupportIntent.Manifest.Labels;
        Assert.Equal([1L, labels.Count], output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        var scores = output.GetProperty("data").EnumerateArray().Select(x => x.GetSingle()).ToArray();
        Assert.Equal("billing", labels[Array.IndexOf(scores, scores.Max())]);
        Assert.InRange(scores.Sum(), 0.999f, 1.001f);
    }

    [Theory]
    [InlineData("FP32", "[1]", "[1.0]")]
    [InlineData("BYTES", "[2]", "[\"only one\"]")]
    [InlineData("BYTES", "[1, 2]", "[\"a\", \"b\"]")]
    public async Task Infer_MalformedTextInput_Returns400(string datatype, string shape, string data)
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var json = $"{{\"inputs\":[{{\"name\":\"text\",\"datatype\":\"{datatype}\",\"shape\":{shape},\"data\":{data}}}]}}";

        using var response = await client.PostAsync($"/v2/models/{MiniLmRegistration.Plain}/infer", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
