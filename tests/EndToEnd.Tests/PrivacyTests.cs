using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.DemoModels;
using Governance.Testing;
using Npgsql;

namespace Governance.EndToEnd.Tests;

/// <summary>Personal data in a text call, through the real server: the model and the trail see it only anonymized.</summary>
public sealed class PrivacyTests(ServerProcess server) : IClassFixture<ServerProcess>
{
    private const string Raw = "Refund card 4111 1111 1111 1111 please, reply to jane.roe@example.com";
    private const string Anonymized = "Refund card <CREDIT_CARD> please, reply to <EMAIL_ADDRESS>";

    [Fact]
    public async Task Predict_WithAnEmailAndACard_ListsBothAndAuditsOnlyTheDigestOfTheAnonymizedText()
    {
        var models = Path.Combine(server.Scratch, "demo-models");
        WriteDemoModels(models);
        var seed = await server.CliAsync("demo", "seed", "--models", models);
        Assert.True(seed.ExitCode == 0, seed.Output + "\n" + server.Log);
        var token = await server.CliAsync("token", "--role", "tenant", "--tenant", "demo");
        Assert.Equal(0, token.ExitCode);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Output);

        using var response = await http.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = Raw });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body + "\n" + server.Log);
        Assert.DoesNotContain("jane", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var types = json.RootElement.GetProperty("anonymized").EnumerateArray().Select(a => a.GetProperty("entity_type").GetString()!).Order().ToArray();
        Assert.Equal(["CREDIT_CARD", "EMAIL_ADDRESS"], types);
        var sequence = json.RootElement.GetProperty("audit").GetProperty("sequence").GetInt64();
        Assert.Equal(Sha256(Anonymized), await InputDigestAsync(sequence));
        Assert.NotEqual(Sha256(Raw), Sha256(Anonymized));
    }

    private async Task<string?> InputDigestAsync(long sequence)
    {
        await using var connection = new NpgsqlConnection(server.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await AuditSettling.IntegratedAsync(connection);
        await using var command = new NpgsqlCommand(
            "SELECT input_digest FROM audit_entries WHERE sequence = @s AND action = 'model.predict' AND tenant_id = 'demo'", connection);
        command.Parameters.AddWithValue("s", sequence);
        return (string?)await command.ExecuteScalarAsync();
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

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
