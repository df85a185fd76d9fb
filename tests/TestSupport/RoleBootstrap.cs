using Npgsql;

namespace Governance.Testing;

/// <summary>
/// Creates governance_owner / governance_app when a server (e.g. CI's own) lacks them, with the
/// passwords of the configured connection strings. Existing roles are left exactly as they are.
/// The tenant audit reader (migration 0018) is ensured on every server, as eng/postgres/up.sh does.
/// </summary>
internal static class RoleBootstrap
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _done;

    public static async Task EnsureRolesAsync(PostgresServer server)
    {
        await Once.WaitAsync();
        try
        {
            if (_done)
            {
                return;
            }

            await using var admin = new NpgsqlConnection(server.AdminConnectionString);
            await admin.OpenAsync();
            await EnsureRoleAsync(admin, server.OwnerConnectionString, "LOGIN CREATEDB");
            await EnsureRoleAsync(admin, server.AppConnectionString, "LOGIN");
            await EnsureTenantReaderAsync(admin, new NpgsqlConnectionStringBuilder(server.AppConnectionString).Username!);
            _done = true;
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task EnsureTenantReaderAsync(NpgsqlConnection admin, string app)
    {
        try
        {
            await using var create = new NpgsqlCommand(
                "SELECT 'CREATE ROLE governance_tenant_reader NOLOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'governance_tenant_reader')", admin);
            if (await create.ExecuteScalarAsync() is string sql)
            {
                await using var run = new NpgsqlCommand(sql, admin);
                await run.ExecuteNonQueryAsync();
            }
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            // Another test process created it between the check and the CREATE.
        }

        await using var grant = new NpgsqlCommand("SELECT format('GRANT governance_tenant_reader TO %I', $1::text)", admin);
        grant.Parameters.Add(new() { Value = app });
        await using var granting = new NpgsqlCommand((string)(await grant.ExecuteScalarAsync())!, admin);
        await granting.ExecuteNonQueryAsync();
    }

    private static async Task EnsureRoleAsync(NpgsqlConnection admin, string connectionString, string options)
    {
        var login = new NpgsqlConnectionStringBuilder(connectionString);
        // CREATE ROLE takes no parameters; format() quotes the name and password on the server.
        await using var command = new NpgsqlCommand(
            $"SELECT format('CREATE ROLE %I {options} PASSWORD %L', $1::text, $2::text) " +
            "WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = $1)", admin);
        command.Parameters.Add(new() { Value = login.Username ?? throw new InvalidOperationException("No Username in " + login.Host) });
        command.Parameters.Add(new() { Value = login.Password ?? "" });
        if (await command.ExecuteScalarAsync() is string create)
        {
            await using var run = new NpgsqlCommand(create, admin);
            await run.ExecuteNonQueryAsync();
        }
    }
}
