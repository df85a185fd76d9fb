using System.Net.Http.Headers;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Conformance;

/// <summary>
/// A second host over the shared test database with a production-sized body limit: some reference
/// inputs are larger than the 64 KiB the main test host allows.
/// </summary>
internal sealed class ConformanceHost(ApiFactory first) : WebApplicationFactory<Program>
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("governance-api-conformance-").FullName;

    public HttpClient ClientAs(string role, string? tenant = null)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenIssuer>().Issue($"conformance:{role}:{tenant}", role, tenant, clientId: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.Timeout = TimeSpan.FromMinutes(2);
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
        builder.UseSetting("Governance:Models:ExecutionProvider", "Cpu");
        builder.UseSetting("Governance:Limits:MaxRequestBodyBytes", (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }
}
