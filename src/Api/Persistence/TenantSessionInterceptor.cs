using System.Data.Common;
using Governance.Api.Security;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Governance.Api.Persistence;

/// <summary>
/// When a tenant is the caller, the catalog context's connection is narrowed to that tenant's rows for as
/// long as the context holds it, and widened back before it returns to the pool. Platform callers keep
/// the data source's start-up scope and pay nothing; no governed call opens this context (ADR-015).
/// </summary>
public sealed class TenantSessionInterceptor(CurrentPrincipal principal) : DbConnectionInterceptor
{
    private string? Tenant => principal.IsTenant ? principal.TenantId : null;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Tenant is { } tenant)
        {
            using var command = Enter(connection, tenant);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Tenant is { } tenant)
        {
            await using var command = Enter(connection, tenant);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (Tenant is not null && connection.State == System.Data.ConnectionState.Open)
        {
            using var command = new NpgsqlCommand(RowScope.LeaveTenantSql, (NpgsqlConnection)connection);
            command.ExecuteNonQuery();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (Tenant is not null && connection.State == System.Data.ConnectionState.Open)
        {
            await using var command = new NpgsqlCommand(RowScope.LeaveTenantSql, (NpgsqlConnection)connection);
            await command.ExecuteNonQueryAsync();
        }

        return result;
    }

    private static NpgsqlCommand Enter(DbConnection connection, string tenant) =>
        new(RowScope.EnterTenantSql, (NpgsqlConnection)connection) { Parameters = { new() { Value = tenant } } };
}
