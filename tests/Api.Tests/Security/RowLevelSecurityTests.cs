using System.Net;
using System.Net.Http.Json;
using Governance.Api.Persistence;
using Governance.Api.Security;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Row-level security (db/migrations/0016): raw SQL as the app role sees a tenant-owned row only in the
/// platform scope or in its own tenant's scope, and nothing at all when it does not say who it is.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RowLevelSecurityTests(ApiFactory api)
{
    private const string AcmeRows = """
        SELECT (SELECT count(*) FROM tenants WHERE id = 'acme') + (SELECT count(*) FROM license_grants WHERE tenant_id = 'acme')
             + (SELECT count(*) FROM oauth_clients WHERE tenant_id = 'acme')
        """;

    [Fact]
    public async Task AppRole_InAnotherTenantsScope_SeesNothingOfTheFirstTenant_ButItsOwnTenantRow()
    {
        await EnsureAcmeClientAsync();
        Assert.True(await api.ScalarAsync(AcmeRows) >= 4, "the owner should see acme's tenant row, licenses and client");

        await using var connection = await AppConnectionAsync("SET governance.scope = 'tenant'; SET governance.tenant = 'other'");

        Assert.Equal(0, await ScalarAsync(connection, AcmeRows));
        Assert.Equal(0, await ScalarAsync(connection, "SELECT count(*) FROM license_grants WHERE tenant_id <> 'other'"));
        Assert.Equal(1, await ScalarAsync(connection, "SELECT count(*) FROM tenants"));
    }

    [Fact]
    public async Task AppRole_WithNoScopeSet_SeesNoTenantOwnedRowAtAll()
    {
        Assert.True(await api.ScalarAsync(AcmeRows) > 0);
        await using var connection = await AppConnectionAsync(null);

        Assert.Equal(0, await ScalarAsync(connection, "SELECT (SELECT count(*) FROM tenants) + (SELECT count(*) FROM license_grants) + (SELECT count(*) FROM oauth_clients)"));
    }

    [Fact]
    public async Task AppRole_InAnotherTenantsScope_CanNeitherWriteNorChangeTheFirstTenantsRows()
    {
        await EnsureAcmeClientAsync();
        await using var connection = await AppConnectionAsync("SET governance.scope = 'tenant'; SET governance.tenant = 'other'");

        var insert = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(connection,
            "WITH i AS (INSERT INTO license_grants (tenant_id, model_name, granted_at, granted_by) VALUES ('acme', 'rls-probe', now(), 'x') RETURNING 1) SELECT count(*) FROM i"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, insert.SqlState);
        Assert.Equal(0, await ScalarAsync(connection, "WITH u AS (UPDATE oauth_clients SET revoked_at = now() WHERE tenant_id = 'acme' RETURNING 1) SELECT count(*) FROM u"));
        Assert.Equal(0, await api.ScalarAsync("SELECT count(*) FROM oauth_clients WHERE tenant_id = 'acme' AND revoked_at IS NOT NULL AND name = 'rls-probe'"));
        Assert.Equal(0, await api.ScalarAsync("SELECT count(*) FROM license_grants WHERE model_name = 'rls-probe'"));
    }

    [Fact]
    public async Task CatalogContext_ForATenantCaller_SeesOnlyThatTenant_AndTheConnectionReturnsToThePlatformScope()
    {
        // One physical connection, so the second context provably reuses the one the tenant narrowed.
        var connectionString = new NpgsqlConnectionStringBuilder(api.Database.AppConnectionString) { MaxPoolSize = 1, Options = RowScope.PlatformStartupOption }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        await using (var asOther = Context(dataSource, new CurrentPrincipal("test:tenant:other", Roles.Tenant, "other", null)))
        {
            Assert.Empty(await asOther.LicenseGrants.Where(g => g.TenantId == "acme").ToListAsync());
            Assert.Equal(["other"], await asOther.Tenants.Select(t => t.Id).ToListAsync());
        }

        await using var asAdmin = Context(dataSource, new CurrentPrincipal("test:admin:", Roles.Admin, null, null));
        Assert.Contains("acme", await asAdmin.Tenants.Select(t => t.Id).ToListAsync());
        Assert.NotEmpty(await asAdmin.LicenseGrants.Where(g => g.TenantId == "acme").ToListAsync());
    }

    private static GovernanceDbContext Context(NpgsqlDataSource dataSource, CurrentPrincipal principal) =>
        new(new DbContextOptionsBuilder<GovernanceDbContext>().UseNpgsql(dataSource).AddInterceptors(new TenantSessionInterceptor(principal)).Options);

    private async Task EnsureAcmeClientAsync()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/tenants/acme/clients", new { name = "rls-probe" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private async Task<NpgsqlConnection> AppConnectionAsync(string? setup)
    {
        var connection = new NpgsqlConnection(api.Database.AppConnectionString);
        await connection.OpenAsync();
        if (setup is not null)
        {
            await using var command = new NpgsqlCommand(setup, connection);
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
