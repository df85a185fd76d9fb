using Governance.Api.PolicyEngine;
using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Policies;

/// <summary>Another API process's worth of host over the first one's database (its own key and store).</summary>
internal sealed class SecondHost(ApiFactory first, int pollMilliseconds = 250) : WebApplicationFactory<Program>
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("governance-api-second-").FullName;

    public ActivePolicy Active => Services.GetRequiredService<ActivePolicy>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Governance:Database:AppConnectionString", first.Database.AppConnectionString);
        builder.UseSetting("Governance:Database:OwnerConnectionString", first.Database.OwnerConnectionString);
        builder.UseSetting("Governance:Auth:SigningKeyFile", Path.Combine(_scratch, "signing-key.pem"));
        builder.UseSetting("Governance:Models:StorePath", first.ModelStorePath);
        builder.UseSetting("Governance:Privacy:MasterKeyFile", Path.Combine(_scratch, "privacy-master.key"));
        builder.UseSetting("Governance:Models:ExecutionProvider", "Cpu");
        builder.UseSetting("Governance:Policies:PollIntervalMilliseconds", pollMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }
}
