using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Npgsql;

namespace Governance.Api.Tests.Pipeline;

[Collection(ApiCollection.Name)]
public sealed class FailClosedTests(ApiFactory api)
{
    [Fact]
    public async Task Predict_WhenTheAuditEntryCannotBeWritten_Returns503WithoutModelOutput_AndRecovers()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        await SetAuditInsertAsync(grant: false);
        try
        {
            using var refused = await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "refund my card please" });

            var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "audit-unavailable");
            Assert.False(problem.TryGetProperty("labels", out _));
        }
        finally
        {
            await SetAuditInsertAsync(grant: true);
        }

        using var recovered = await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "refund my card please" });
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task CreateTenant_WhenTheAuditEntryCannotBeWritten_Returns503AndTheTenantIsNotCreated()
    {
        using var admin = api.ClientAs(Roles.Admin);
        await SetAuditInsertAsync(grant: false);
        try
        {
            using var refused = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = "ghost", name = "Ghost Ltd" });

            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "audit-unavailable");
        }
        finally
        {
            await SetAuditInsertAsync(grant: true);
        }

        Assert.Equal(0, await api.ScalarAsync("SELECT count(*) FROM tenants WHERE id = 'ghost'"));
    }

    private async Task SetAuditInsertAsync(bool grant)
    {
        await using var connection = new NpgsqlConnection(api.Database.OwnerConnectionString);
        await connection.OpenAsync();
        var sql = grant ? "GRANT INSERT ON audit_records TO governance_app" : "REVOKE INSERT ON audit_records FROM governance_app";
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
