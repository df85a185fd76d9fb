using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Audit.Checkpointing;

namespace Governance.EndToEnd.Tests;

/// <summary>`governance audit export` then `governance audit verify` against the anchor, through the real server and CLI.</summary>
public sealed class AuditExportTests(ServerProcess server) : IClassFixture<ServerProcess>
{
    [Fact]
    public async Task ExportedLog_VerifiesOfflineAgainstTheExternalAnchor()
    {
        var admin = (await server.CliAsync("token", "--role", "admin")).Output;
        var compliance = (await server.CliAsync("token", "--role", "compliance")).Output;
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        for (var i = 0; i < 5; i++)
        {
            using var created = await http.PostAsJsonAsync("/api/v1/tenants", new { id = "export-" + i, name = "Export " + i });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", compliance);
        long published;
        using (var publish = await http.PostAsync(new Uri("/api/v1/audit/checkpoints", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Created, publish.StatusCode);
            published = (await publish.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("treeSize").GetInt64();
        }

        // The anchor file of the checkpoint just published: latest.note may already be a newer one
        // (the server checkpoints every 10 s while the log grows), which this export need not reach.
        var anchored = Path.Combine(server.Scratch, "audit-anchor", DirectoryAnchor.FileNameOf(published));
        var file = Path.Combine(server.Scratch, "audit-export.jsonl");
        var export = await server.CliAsync("audit", "export", "--out", file);
        var verify = await server.CliAsync("audit", "verify", file, "--checkpoint", anchored);

        Assert.True(export.ExitCode == 0, export.Output);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains("Verified", verify.Output, StringComparison.Ordinal);
    }
}
