using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.DemoModels;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// Two processes of ours: a governed server (database, audit, policy) and an inference-only node holding the
/// demo models. The governed server serves credit-risk locally and "credit-risk-remote" through the node.
/// The breaker is tuned small (2 calls, 1 s open) so that a test can open and close it.
/// </summary>
public sealed class RemoteBackendCluster : IAsyncLifetime
{
    public const string RemoteModel = "credit-risk-remote";

    private const string Secret = "e2e-inference-only-shared-secret-0123456789";

    private readonly string _models = Directory.CreateTempSubdirectory("governance-node-").FullName;

    public RemoteBackendCluster()
    {
        Node = new InferenceOnlyNode(_models, Secret);
        Server = new ServerProcess(new Dictionary<string, string?>
        {
            ["Governance__RemoteBackends__BearerToken"] = Secret,
            ["Governance__RemoteBackends__MaxRetries"] = "1",
            ["Governance__RemoteBackends__RetryBaseDelayMs"] = "10",
            ["Governance__RemoteBackends__BreakerMinimumThroughput"] = "2",
            ["Governance__RemoteBackends__BreakerSamplingSeconds"] = "30",
            ["Governance__RemoteBackends__BreakerBreakSeconds"] = "1",
        });
    }

    public InferenceOnlyNode Node { get; }

    /// <summary>The node's model directory: the demo models.</summary>
    public string ModelDirectory => _models;

    /// <summary>What the governed server sends the node, and the node requires.</summary>
    public static string NodeSecret => Secret;

    public ServerProcess Server { get; }

    public string TenantToken { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        foreach (var model in new[] { DemoModelFactory.SupportIntentClassifier(), DemoModelFactory.CreditRiskScorer() })
        {
            var dir = Path.Combine(_models, model.Manifest.Name, model.Manifest.Version);
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, "model.onnx"), model.OnnxBytes);
            await File.WriteAllTextAsync(Path.Combine(dir, "manifest.json"), JsonSerializer.Serialize(model.Manifest, DemoModelJson.Options));
        }

        await Node.StartAsync();
        await Server.InitializeAsync();
        var seed = await Server.CliAsync("demo", "seed", "--models", _models);
        if (seed.ExitCode != 0)
        {
            throw new InvalidOperationException(seed.Output + "\n" + Server.Log);
        }

        TenantToken = (await Server.CliAsync("token", "--role", "tenant", "--tenant", "demo")).Output;
        AdminToken = (await Server.CliAsync("token", "--role", "admin")).Output;
        using var registered = await RegisterRemoteAsync(RemoteModel, Node.BaseAddress, model: "credit-risk", timeoutMs: 5000);
        if (!registered.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(await registered.Content.ReadAsStringAsync() + "\n" + Server.Log);
        }

        using var admin = Client(AdminToken);
        using var license = await admin.PostAsJsonAsync($"/api/v1/tenants/demo/licenses", new { model = RemoteModel });
        license.EnsureSuccessStatusCode();
    }

    /// <summary>Registers credit-risk's manifest under <paramref name="name"/>, computed by the backend at <paramref name="backend"/>.</summary>
    public async Task<HttpResponseMessage> RegisterRemoteAsync(string name, Uri backend, string model, int timeoutMs)
    {
        var manifest = JsonNode.Parse(JsonSerializer.Serialize(DemoModelFactory.CreditRiskScorer().Manifest, DemoModelJson.Options))!.AsObject();
        manifest["name"] = name;
        manifest["backend"] = new JsonObject
        {
            ["kind"] = "remote",
            ["url"] = backend.ToString(),
            ["model"] = model,
            ["version"] = "1",
            ["timeoutMs"] = timeoutMs,
        };
        return await RegisterManifestAsync(manifest.ToJsonString());
    }

    public async Task<HttpResponseMessage> RegisterManifestAsync(string manifest)
    {
        using var admin = Client(AdminToken);
        using var form = new MultipartFormDataContent { { new StringContent(manifest), "manifest" } };
        return await admin.PostAsync(new Uri("/api/v1/models", UriKind.Relative), form);
    }

    public HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }
}
