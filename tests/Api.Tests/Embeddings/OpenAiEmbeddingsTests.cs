using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Embeddings;

/// <summary>The OpenAI-compatible /v1/embeddings: OpenAI's request, answer and error shapes.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenAiEmbeddingsTests(ApiFactory api) : IAsyncLifetime
{
    private const string Path = "/v1/embeddings";

    public Task InitializeAsync() => MiniLmRegistration.EnsureAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Embeddings_Float_AnswersInOpenAiShape()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync(Path, new { model = MiniLmRegistration.Plain, input = new[] { "first text", "second text" } });

        var body = await response.ReadJsonAsync();
        Assert.Equal("list", body.GetProperty("object").GetString());
        Assert.Equal(MiniLmRegistration.Plain, body.GetProperty("model").GetString());
        var data = body.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(2, data.Length);
        for (var i = 0; i < data.Length; i++)
        {
            Assert.Equal("embedding", data[i].GetProperty("object").GetString());
            Assert.Equal(i, data[i].GetProperty("index").GetInt32());
            Assert.Equal(384, data[i].GetProperty("embedding").GetArrayLength());
        }

        var usage = body.GetProperty("usage");
        Assert.Equal(8, usage.GetProperty("prompt_tokens").GetInt32()); // [CLS] first text [SEP], twice
        Assert.Equal(8, usage.GetProperty("total_tokens").GetInt32());
        Assert.True(response.Headers.Contains("X-Audit-Sequence"));
    }

    [Fact]
    public async Task Embeddings_Base64_IsTheLittleEndianFloatsOfTheFloatAnswer()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var floats = await client.PostAsJsonAsync(Path, new { model = MiniLmRegistration.Plain, input = "same text" });
        using var base64 = await client.PostAsJsonAsync(Path, new { model = MiniLmRegistration.Plain, input = "same text", encoding_format = "base64" });

        var expected = (await floats.ReadJsonAsync()).GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(x => x.GetSingle()).ToArray();
        var bytes = Convert.FromBase64String((await base64.ReadJsonAsync()).GetProperty("data")[0].GetProperty("embedding").GetString()!);
        var decoded = new float[bytes.Length / 4];
        for (var i = 0; i < decoded.Length; i++)
        {
            decoded[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        }

        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("{\"input\": \"x\"}", 400, "invalid_request_error", "validation-failed")]
    [InlineData("{\"model\": \"all-minilm-l6-v2\", \"input\": \"x\", \"encoding_format\": \"int8\"}", 400, "invalid_request_error", "validation-failed")]
    [InlineData("{\"model\": \"all-minilm-l6-v2\", \"input\": []}", 400, "invalid_request_error", "validation-failed")]
    [InlineData("{\"model\": \"all-minilm-l6-v2\", \"input\": [1, 2]}", 400, "invalid_request_error", "validation-failed")]
    [InlineData("not json", 400, "invalid_request_error", "malformed-request")]
    [InlineData("{\"model\": \"no-such-model\", \"input\": \"x\"}", 404, "not_found_error", "not-found")]
    public async Task Embeddings_Refused_AnswersOpenAiErrorShape(string json, int status, string type, string code)
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsync(Path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        var error = (await response.ReadJsonAsync((HttpStatusCode)status)).GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.True(error.TryGetProperty("param", out _));
    }

    [Fact]
    public async Task Embeddings_ByUnlicensedTenant_LooksLikeAMissingModel()
    {
        using var client = api.ClientAs(Roles.Tenant, "other");

        using var response = await client.PostAsJsonAsync(Path, new { model = MiniLmRegistration.Plain, input = "x" });

        // As on /v2 (ADR-018): no catalog probing; OpenAI answers 404 for a model the key cannot use.
        var error = (await response.ReadJsonAsync(HttpStatusCode.NotFound)).GetProperty("error");
        Assert.Equal("not_found_error", error.GetProperty("type").GetString());
        Assert.Equal("not-found", error.GetProperty("code").GetString());
        Assert.Equal($"Model '{MiniLmRegistration.Plain}' is not found.", error.GetProperty("message").GetString());
    }
}
