using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.DemoModels;
using Governance.Testing;
using Npgsql;

namespace Governance.EndToEnd.Tests;

/// <summary>The walking skeleton through the real front door: a server process, the CLI, HTTP, PostgreSQL.</summary>
public sealed class GovernedCallTests(ServerProcess server) : IClassFixture<ServerProcess>
{
    [Fact]
    public async Task SeedTokenPredict_ThroughTheRealServer_LeavesADurableAuditEntry_EvenAcrossASigkill()
    {
        WriteDemoModels(Path.Combine(server.Scratch, "demo-models"));
        var seed = await server.CliAsync("demo", "seed", "--models", Path.Combine(server.Scratch, "demo-models"));
        Assert.True(seed.ExitCode == 0, seed.Output + "\n" + server.Log);
        Assert.Contains("model support-intent/1: created", seed.Output, StringComparison.Ordinal);
        var again = await server.CliAsync("demo", "seed", "--models", Path.Combine(server.Scratch, "demo-models"));
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("model support-intent/1: exists", again.Output, StringComparison.Ordinal);

        var token = await server.CliAsync("token", "--role", "tenant", "--tenant", "demo");
        Assert.Equal(0, token.ExitCode);
        var first = await PredictAsync(token.Output);
        var inference = await InferAsync(token.Output);

        await server.KillAsync();
        await server.StartAsync(); // the model is loaded again from the store, digest checked
        var second = await PredictAsync(token.Output);

        Assert.True(second > inference && inference > first);
        await using var connection = new NpgsqlConnection(server.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await AuditSettling.IntegratedAsync(connection);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM audit_entries WHERE sequence = ANY(@s) AND action IN ('model.predict', 'model.infer') AND tenant_id = 'demo' AND status_code = 200", connection);
        command.Parameters.AddWithValue("s", new[] { first, inference, second });
        Assert.Equal(3L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ExpiredOrForeignTokens_AreRefusedByTheRealServer()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ.");

        using var response = await http.PostAsJsonAsync("/api/v1/tenants", new { id = "evil", name = "Evil" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimit_IsRefusedWith413ByTheRealServer()
    {
        var token = await server.CliAsync("token", "--role", "tenant", "--tenant", "demo");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Output);
        http.DefaultRequestHeaders.TransferEncodingChunked = true; // no Content-Length: the server must cut the stream itself
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"" + new string('a', 5 * 1024 * 1024) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.PostAsync(new Uri("/api/v1/models/support-intent/predict", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<long> PredictAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "My login does not work, I am locked out of my account" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body + "\n" + server.Log);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("account_access", json.RootElement.GetProperty("labels")[0].GetProperty("label").GetString());
        return json.RootElement.GetProperty("audit").GetProperty("sequence").GetInt64();
    }

    private async Task<long> InferAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var request = new { inputs = new[] { new { name = "applicant", shape = new[] { 1, 4 }, datatype = "FP32", data = new[] { 42f, 0.45f, 31f, 2f } } } };
        using var response = await http.PostAsJsonAsync("/v2/models/credit-risk/infer", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body + "\n" + server.Log);
        using var json = JsonDocument.Parse(body);
        var probability = json.RootElement.GetProperty("outputs")[0].GetProperty("data")[0].GetSingle();
        Assert.InRange(probability, 0f, 1f);
        return json.RootElement.GetProperty("parameters").GetProperty("audit_sequence").GetInt64();
    }

    private static void WriteDemoModels(string root)
    {
        foreach (var model in new[] { DemoModelFactory.SupportIntentClassifier(), DemoModelFactory.CreditRiskScorer() })
        {
            var dir = Path.Combine(root, model.Manifest.Name, model.Manifest.Version);
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "model.onnx"), model.OnnxBytes);
            File.WriteAllText(Path.Combine(dir, "manifest.json"), JsonSerializer.Serialize(model.Manifest, DemoModelJson.Options));
        }
    }
}
