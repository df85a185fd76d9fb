using System.Globalization;
using System.Net.Http.Headers;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Catalog;

/// <summary>
/// Another API process's worth of host over the first one's database, with its own keys, and the
/// catalog's notification channel on or off (off: only the staleness bound keeps it exact).
/// </summary>
internal sealed class CatalogHost(ApiFactory first, bool listen = true, int maxStalenessMilliseconds = 1000) : WebApplicationFactory<Program>
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("governance-api-catalog-").FullName;

    public HttpClient ClientAs(string role, string? tenant = null)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenIssuer>().Issue($"second:{role}:{tenant}", role, tenant, clientId: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Governance:Database:AppConnectionString", first.Database.AppConnectionString);
        builder.UseSetting("Governance:Database:OwnerConnectionString", first.Database.OwnerConnectionString);
        builder.UseSetting("Governance:Auth:SigningKeyFile", Path.Combine(_scratch, "signing-key.pem"));
        builder.UseSetting("Governance:Models:StorePath", first.ModelStorePath);
        builder.UseSetting("Governance:Privacy:MasterKeyFile", Path.Combine(_scratch, "privacy-master.key"));
        builder.UseSetting("Governance:Audit:SigningKeyFile", first.AuditKeyFile);
        builder.UseSetting("Governance:Audit:AnchorDirectory", Path.Combine(_scratch, "audit-anchor"));
        builder.UseSetting("Governance:Models:ExecutionProvider", "Cpu");
        // Policy polling all but off: only the catalog (notification, fence, staleness) can bring changes in time.
        builder.UseSetting("Governance:Policies:PollIntervalMilliseconds", "60000");
        builder.UseSetting("Governance:Catalog:Listen", listen ? "true" : "false");
        builder.UseSetting("Governance:Catalog:MaxStalenessMilliseconds", maxStalenessMilliseconds.ToString(CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }
}
