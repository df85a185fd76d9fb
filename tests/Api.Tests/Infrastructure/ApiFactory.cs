using System.Net.Http.Headers;
using Governance.Installation.Security;
using Governance.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The real API in-process (WebApplicationFactory) over a fresh PostgreSQL database built from
/// db/migrations, with its own signing key and model store. Seeded through the API itself: tenant
/// "acme" licensed for the demo models, tenant "other" licensed for nothing.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly string _scratch = Directory.CreateTempSubdirectory("governance-api-tests-").FullName;

    public TestDatabase Database => _database;

    /// <summary>An external IdP the API trusts beside its own key (Governance:Auth:Authority).</summary>
    public FakeIdentityProvider IdentityProvider { get; } = new();

    public string ModelStorePath => Path.Combine(_scratch, "models");

    public string AuditKeyFile => Path.Combine(_scratch, "audit-signing-key.pem");

    public string AnchorDirectory => Path.Combine(_scratch, "audit-anchor");

    /// <summary>The one witness whose cosignatures the API accepts (Governance:Audit:WitnessKeys).</summary>
    public NSec.Cryptography.Key Witness { get; } = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);

    public const string WitnessName = "witness.test/w1";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await IdentityProvider.StartAsync();
        await new Seeder(this).SeedAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        await IdentityProvider.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
        Witness.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Governance:Database:AppConnectionString", _database.AppConnectionString);
        builder.UseSetting("Governance:Database:OwnerConnectionString", _database.OwnerConnectionString);
        builder.UseSetting("Governance:Auth:SigningKeyFile", Path.Combine(_scratch, "signing-key.pem"));
        builder.UseSetting("Governance:Models:StorePath", ModelStorePath);
        builder.UseSetting("Governance:Privacy:MasterKeyFile", Path.Combine(_scratch, "privacy-master.key"));
        builder.UseSetting("Governance:Audit:SigningKeyFile", AuditKeyFile);
        builder.UseSetting("Governance:Audit:AnchorDirectory", AnchorDirectory);
        builder.UseSetting("Governance:Audit:CheckpointIntervalSeconds", "1");
        builder.UseSetting("Governance:Audit:WitnessKeys:0", new Governance.Audit.Offline.Checkpoints.CosignatureVerifier(
            WitnessName, Witness.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey)).VerifierKey);
        builder.UseSetting("Governance:Models:ExecutionProvider", "Cpu");
        builder.UseSetting("Governance:Limits:MaxRequestBodyBytes", "65536");
        // Many suites send wrong client secrets from one test address; TokenThrottleTests restores the defaults.
        builder.UseSetting("Governance:TokenThrottle:MaxFailuresPerClient", "100000");
        builder.UseSetting("Governance:TokenThrottle:MaxFailuresPerSource", "100000");
        builder.UseSetting("Governance:Auth:Authority", IdentityProvider.Issuer);
        builder.UseSetting("Governance:Auth:RequireHttpsMetadata", "false");
    }

    public string TokenFor(string role, string? tenant = null) =>
        Services.GetRequiredService<TokenIssuer>().Issue($"test:{role}:{tenant}", role, tenant, clientId: null);

    public HttpClient ClientAs(string role, string? tenant = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role, tenant));
        return client;
    }

    /// <summary>Runs <paramref name="sql"/> once every audit entry written so far is integrated (AuditSettling).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.OwnerConnectionString);
        await connection.OpenAsync();
        await AuditSettling.IntegratedAsync(connection);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<long> AuditCountAsync() => ScalarAsync("SELECT count(*) FROM audit_entries");

    public Task<long> CatalogRowCountAsync() => ScalarAsync(
        "SELECT (SELECT count(*) FROM tenants) + (SELECT count(*) FROM model_versions) + (SELECT count(*) FROM license_grants) + (SELECT count(*) FROM oauth_clients)");
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
