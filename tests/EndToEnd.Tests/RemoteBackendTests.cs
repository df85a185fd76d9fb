using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Testing;
using Npgsql;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// A model version computed by a second process of ours (inference-only mode) while governance stays in the
/// governed server: same answers as local inference, audited, bad input is the client's 400, and a dead or
/// hung backend gives 503/504 problems, the circuit opening and closing again (ADR-030).
/// </summary>
public sealed class RemoteBackendTests(RemoteBackendCluster cluster) : IClassFixture<RemoteBackendCluster>
{
    private static readonly float[] Applicants = [42f, 0.45f, 31f, 2f, 23f, 0.9f, 1f, 0f, 67f, 0.1f, 40f, 5f];

    [Fact]
    public async Task RemoteBackedInfer_AnswersExactlyWhatLocalInferenceAnswers_AndIsAudited()
    {
        using var http = cluster.Client(cluster.TenantToken);

        var (local, _) = await InferAsync(http, "credit-risk", Applicants);
        var (remote, sequence) = await InferAsync(http, RemoteBackendCluster.RemoteModel, Applicants);

        Assert.Equal(3, remote.Length);
        Assert.Equal(local, remote);
        var entry = await AuditEntryAsync(sequence);
        Assert.Equal(("model.infer", RemoteBackendCluster.RemoteModel, 200, (string?)null), (entry.Action, entry.Model, entry.Status, entry.Error));
        Assert.Matches("^[0-9a-f]{64}$", entry.Digest);
    }

    [Fact]
    public async Task RemoteModel_MetadataAndReadiness_SayItIsComputedRemotely()
    {
        using var http = cluster.Client(cluster.TenantToken);

        using var metadata = await http.GetAsync(new Uri($"/v2/models/{RemoteBackendCluster.RemoteModel}", UriKind.Relative));
        using var ready = await http.GetAsync(new Uri($"/v2/models/{RemoteBackendCluster.RemoteModel}/versions/1/ready", UriKind.Relative));

        var body = await metadata.Content.ReadAsStringAsync();
        Assert.True(metadata.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("remote", json.RootElement.GetProperty("execution_provider").GetString());
        Assert.Equal("applicant", json.RootElement.GetProperty("inputs")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task ABadInput_IsTheClients400_AndAudited()
    {
        using var http = cluster.Client(cluster.TenantToken);
        var request = new { inputs = new[] { new { name = "applicant", shape = new[] { 1, 3 }, datatype = "FP32", data = new[] { 1f, 2f, 3f } } } };

        using var response = await http.PostAsJsonAsync($"/v2/models/{RemoteBackendCluster.RemoteModel}/infer", request);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid-inference-input", problem.GetProperty("code").GetString());
        var entry = await AuditEntryAsync(problem.GetProperty("auditSequence").GetInt64());
        Assert.Equal((400, "invalid-inference-input"), (entry.Status, entry.Error));
    }

    [Fact]
    public async Task Registration_RefusesABackendThatDoesNotServeTheModel_OrABadSpec_With400()
    {
        using var unknown = await cluster.RegisterRemoteAsync("credit-risk-nowhere", cluster.Node.BaseAddress, model: "no-such-model", timeoutMs: 1000);
        using var ftp = await cluster.RegisterRemoteAsync("credit-risk-ftp", new Uri("ftp://127.0.0.1/"), model: "credit-risk", timeoutMs: 1000);
        using var noTimeout = await cluster.RegisterRemoteAsync("credit-risk-zero", cluster.Node.BaseAddress, model: "credit-risk", timeoutMs: 0);

        var refused = await ProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Equal("invalid-model", refused.GetProperty("code").GetString());
        Assert.Contains("404", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("validation-failed", (await ProblemAsync(ftp, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("validation-failed", (await ProblemAsync(noTimeout, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        await using var connection = new NpgsqlConnection(cluster.Server.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM model_versions WHERE name IN ('credit-risk-nowhere', 'credit-risk-ftp', 'credit-risk-zero')", connection);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AKilledBackend_Gives503s_OpensTheCircuit_AndTheModelRecoversWhenItIsBack()
    {
        using var http = cluster.Client(cluster.TenantToken);
        await InferAsync(http, RemoteBackendCluster.RemoteModel, Applicants);
        await cluster.Node.KillAsync();
        try
        {
            var reasons = new List<string>();
            JsonElement open = default;
            for (var i = 0; i < 20 && !reasons.Contains("circuit_open"); i++)
            {
                using var refused = await PostAsync(http, RemoteBackendCluster.RemoteModel, Applicants);
                open = await ProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
                Assert.Equal("model-backend-unavailable", open.GetProperty("code").GetString());
                reasons.Add(open.GetProperty("reason").GetString()!);
            }

            Assert.Equal("circuit_open", reasons[^1]);
            Assert.Equal("unreachable", reasons[0]);
            var entry = await AuditEntryAsync(open.GetProperty("auditSequence").GetInt64());
            Assert.Equal((RemoteBackendCluster.RemoteModel, 503, "model-backend-unavailable"), (entry.Model, entry.Status, entry.Error));
            using var notReady = await http.GetAsync(new Uri($"/v2/models/{RemoteBackendCluster.RemoteModel}/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, notReady.StatusCode);
        }
        finally
        {
            await cluster.Node.StartAsync();
        }

        // The circuit lets a trial call through after its break (1 s here); poll until one succeeds.
        HttpStatusCode last = 0;
        for (var i = 0; i < 120 && last != HttpStatusCode.OK; i++)
        {
            await Task.Delay(250);
            using var response = await PostAsync(http, RemoteBackendCluster.RemoteModel, Applicants);
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, last);
    }

    [Fact]
    public async Task AHungBackend_IsCutOffAtTheModelsTimeout_As504()
    {
        using var metadata = await cluster.Client(cluster.TenantToken).GetAsync(new Uri("/v2/models/credit-risk", UriKind.Relative));
        using var stalling = new StallingBackend(await metadata.Content.ReadAsStringAsync());
        using var registered = await cluster.RegisterRemoteAsync("credit-risk-hung", stalling.BaseAddress, model: "credit-risk", timeoutMs: 300);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        using var admin = cluster.Client(cluster.AdminToken);
        (await admin.PostAsJsonAsync("/api/v1/tenants/demo/licenses", new { model = "credit-risk-hung" })).EnsureSuccessStatusCode();
        using var http = cluster.Client(cluster.TenantToken);

        using var response = await PostAsync(http, "credit-risk-hung", Applicants);

        var problem = await ProblemAsync(response, HttpStatusCode.GatewayTimeout);
        Assert.Equal("model-backend-timeout", problem.GetProperty("code").GetString());
        Assert.Equal(1, stalling.InferencesReceived); // a timeout is not retried: the backend may still be computing
        var entry = await AuditEntryAsync(problem.GetProperty("auditSequence").GetInt64());
        Assert.Equal((504, "model-backend-timeout"), (entry.Status, entry.Error));
    }

    [Fact]
    public async Task TheNode_RefusesCallsWithoutItsSecret_ButAnswersHealthProbes()
    {
        using var anonymous = new HttpClient { BaseAddress = cluster.Node.BaseAddress };
        using var wrong = new HttpClient { BaseAddress = cluster.Node.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RemoteBackendCluster.NodeSecret + "x");
        using var right = new HttpClient { BaseAddress = cluster.Node.BaseAddress };
        right.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RemoteBackendCluster.NodeSecret);

        using var none = await PostAsync(anonymous, "credit-risk", Applicants);
        using var bad = await wrong.GetAsync(new Uri("/v2/models/credit-risk", UriKind.Relative));
        using var probe = await anonymous.GetAsync(new Uri("/v2/health/ready", UriKind.Relative));
        using var good = await right.GetAsync(new Uri("/v2/models/credit-risk", UriKind.Relative));

        var refused = await ProblemAsync(none, HttpStatusCode.Unauthorized);
        Assert.Equal("a valid bearer secret is required", refused.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task ANodeWithoutASecret_RefusesToStart()
    {
        await using var node = new InferenceOnlyNode(cluster.ModelDirectory, secret: "");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(node.StartAsync);

        Assert.Contains("BearerToken is required", failure.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string model, float[] rows) =>
        http.PostAsJsonAsync($"/v2/models/{model}/infer", new
        {
            inputs = new[] { new { name = "applicant", shape = new[] { rows.Length / 4, 4 }, datatype = "FP32", data = rows } },
        });

    private async Task<(float[] Outputs, long Sequence)> InferAsync(HttpClient http, string model, float[] rows)
    {
        using var response = await PostAsync(http, model, rows);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body + "\n" + cluster.Server.Log + "\n" + cluster.Node.Log);
        using var json = JsonDocument.Parse(body);
        var data = json.RootElement.GetProperty("outputs")[0].GetProperty("data").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        return (data, json.RootElement.GetProperty("parameters").GetProperty("audit_sequence").GetInt64());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<(string Action, string? Model, int Status, string? Error, string? Digest)> AuditEntryAsync(long sequence)
    {
        await using var connection = new NpgsqlConnection(cluster.Server.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await AuditSettling.IntegratedAsync(connection);
        await using var command = new NpgsqlCommand(
            "SELECT action, model_name, status_code, error_code, model_digest FROM audit_entries WHERE sequence = @s", connection);
        command.Parameters.AddWithValue("s", sequence);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no audit entry {sequence}");
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
    }
}
