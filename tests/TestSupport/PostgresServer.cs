using Npgsql;

namespace Governance.Testing;

/// <summary>
/// The real PostgreSQL the tests run against: GOVERNANCE_DB_OWNER / _APP / _ADMIN from the
/// environment, else from .dev/postgres.env (written by eng/postgres/up.sh). Missing means the
/// tests fail loudly; they never skip, or a broken setup would look green.
/// </summary>
public sealed class PostgresServer
{
    public const string OwnerVariable = "GOVERNANCE_DB_OWNER";
    public const string AppVariable = "GOVERNANCE_DB_APP";
    public const string AdminVariable = "GOVERNANCE_DB_ADMIN";

    private static readonly Lazy<PostgresServer> Shared = new(Load);

    private PostgresServer(string owner, string app, string admin)
    {
        OwnerConnectionString = owner;
        AppConnectionString = app;
        AdminConnectionString = admin;
    }

    /// <summary>The server for this test run, loaded once.</summary>
    public static PostgresServer Current => Shared.Value;

    /// <summary>governance_owner over TCP, database "governance".</summary>
    public string OwnerConnectionString { get; }

    /// <summary>governance_app over TCP, database "governance".</summary>
    public string AppConnectionString { get; }

    /// <summary>The superuser over the unix socket, database "postgres".</summary>
    public string AdminConnectionString { get; }

    /// <summary>The same login pointed at another database.</summary>
    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static PostgresServer Load()
    {
        var file = FindEnvFile();
        var fromFile = file is null ? new Dictionary<string, string>() : EnvFile.Parse(File.ReadAllLines(file));
        string? Get(string name) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : fromFile.TryGetValue(name, out var fileValue) ? fileValue
            : null;

        var owner = Get(OwnerVariable);
        var app = Get(AppVariable);
        var admin = Get(AdminVariable);
        if (owner is null || app is null || admin is null)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not configured: set {OwnerVariable}, {AppVariable} and {AdminVariable}, or " +
                $"run eng/postgres/up.sh (make test does), which writes .dev/postgres.env" +
                (file is null ? " (no such file found above " + AppContext.BaseDirectory + ")." : $" ({file} lacks some of them)."));
        }

        return new PostgresServer(owner, app, admin);
    }

    private static string? FindEnvFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                var path = Path.Combine(dir.FullName, ".dev", "postgres.env");
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
