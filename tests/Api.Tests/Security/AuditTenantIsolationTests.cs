using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Audit;
using Governance.Installation.Security;
using Npgsql;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Tenant isolation of audit reads, enforced by PostgreSQL (migration 0018, ADR-028): a session that
/// runs as the tenant reader and names one tenant reads only that tenant's entries through
/// tenant_audit_entries, and nothing of audit_records, audit_entries or audit_log_runs, whatever SQL
/// it sends. The writer is not involved: its COPY into audit_records is unchanged.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditTenantIsolationTests(ApiFactory api)
{
    [Fact]
    public async Task TenantReader_NamingAnotherTenant_ReadsNoneOfTheFirstTenantsEntries_WithHandWrittenSql()
    {
        await PredictAsAcmeAsync();
        Assert.True(await api.ScalarAsync("SELECT count(*) FROM audit_entries WHERE tenant_id = 'acme'") > 0);

        Assert.Equal(0, await AsTenantReaderAsync("other", "SELECT count(*) FROM tenant_audit_entries WHERE tenant_id = 'acme'"));
        Assert.Equal(0, await AsTenantReaderAsync("other", "SELECT count(*) FROM tenant_audit_entries WHERE tenant_id IS DISTINCT FROM 'other'"));
        Assert.Equal(0, await AsTenantReaderAsync(null, "SELECT count(*) FROM tenant_audit_entries"));
        Assert.True(await AsTenantReaderAsync("acme", "SELECT count(*) FROM tenant_audit_entries WHERE tenant_id = 'acme'") > 0);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM audit_records")]
    [InlineData("SELECT count(*) FROM audit_entries")]
    [InlineData("SELECT count(*) FROM audit_log_runs")]
    public async Task TenantReader_CannotReadTheLogItself(string sql)
    {
        await PredictAsAcmeAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => AsTenantReaderAsync("other", sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task AuditReader_ForATenant_FindsOnlyItsOwnEntry_AndTheConnectionGoesBackToThePoolAsItWas()
    {
        await PredictAsAcmeAsync();
        var sequence = await api.ScalarAsync("SELECT max(sequence) FROM audit_entries WHERE tenant_id = 'acme'");
        // One physical connection, so the platform read provably reuses the one the tenant read used.
        var connectionString = new NpgsqlConnectionStringBuilder(api.Database.AppConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var reader = new AuditReader(dataSource);

        Assert.Null(await reader.GetAsync(sequence, "other", CancellationToken.None));
        Assert.Empty(await reader.ListAsync(new AuditQuery { AsTenant = "other", TenantId = "acme" }, CancellationToken.None));
        Assert.Equal("acme", (await reader.GetAsync(sequence, "acme", CancellationToken.None))?.Entry.TenantId);
        Assert.Equal(sequence, (await reader.GetAsync(sequence, CancellationToken.None))?.Sequence);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var who = new NpgsqlCommand("SELECT current_user = session_user AND current_setting('governance.tenant', true) IS DISTINCT FROM 'acme'", connection);
        Assert.Equal(true, await who.ExecuteScalarAsync());
    }

    private async Task PredictAsAcmeAsync()
    {
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        using var response = await tenant.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "my card was charged twice" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // The way AuditReader enters a tenant read, written out: role and settings local to one transaction.
    private async Task<long> AsTenantReaderAsync(string? tenant, string sql)
    {
        await using var connection = new NpgsqlConnection(api.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var role = new NpgsqlCommand("SET LOCAL ROLE " + AuditReader.TenantReaderRole, connection, transaction))
        {
            await role.ExecuteNonQueryAsync();
        }

        if (tenant is not null)
        {
            await using var enter = new NpgsqlCommand(
                "SELECT set_config('governance.scope', 'tenant', true), set_config('governance.tenant', $1, true)", connection, transaction);
            enter.Parameters.Add(new() { Value = tenant });
            await enter.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
