using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Governance.Migrations;
using Npgsql;

namespace Governance.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster of its own (initdb into a temporary directory, its own port), for
/// tests that crash the server: the shared test server must keep serving every other test. It has
/// the same roles as eng/postgres/up.sh makes, trust authentication on loopback, and fsync on.
/// </summary>
public sealed class CrashableCluster : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gov-crash-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _bin;
    private readonly bool _asRoot = Environment.UserName == "root";
    private readonly int _port = FreePort();

    private CrashableCluster(string bin) => _bin = bin;

    public string OwnerConnectionString => Connection("governance_owner", "governance");

    public string AppConnectionString => Connection("governance_app", "governance");

    private string Data => Path.Combine(_root, "data");

    /// <summary>Creates, starts and migrates a cluster (a few seconds).</summary>
    public static async Task<CrashableCluster> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL's initdb is not installed (eng/postgres/up.sh installs it).");
        var cluster = new CrashableCluster(bin);
        try
        {
            await cluster.CreateAsync();
            return cluster;
        }
        catch
        {
            // A cluster that started but could not be set up must not outlive the test.
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the server the way a power cut would: no checkpoint, no clean shutdown; the next start replays the WAL.</summary>
    public Task CrashAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public Task RestartAsync() => PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task CreateAsync()
    {
        Directory.CreateDirectory(_root);
        if (_asRoot)
        {
            await RunAsync("chown", "postgres:", _root);
        }

        await PgAsync("initdb", "-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C");
        await File.AppendAllTextAsync(Path.Combine(Data, "postgresql.conf"), $"""

            port = {_port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{_root}'
            fsync = on
            synchronous_commit = on
            max_connections = 60
            shared_buffers = 32MB
            """);
        await RestartAsync();
        await using (var admin = new NpgsqlConnection(Connection("postgres", "postgres")))
        {
            await admin.OpenAsync();
            foreach (var sql in new[] { "CREATE ROLE governance_owner LOGIN CREATEDB", "CREATE ROLE governance_app LOGIN",
                         "CREATE ROLE governance_tenant_reader NOLOGIN", "GRANT governance_tenant_reader TO governance_app", "CREATE DATABASE governance OWNER governance_owner" })
            {
                await using var setup = new NpgsqlCommand(sql, admin);
                await setup.ExecuteNonQueryAsync();
            }
        }

        await using var owner = NpgsqlDataSource.Create(OwnerConnectionString);
        await new Migrator(owner).ApplyAsync(CancellationToken.None);
    }

    private string Connection(string user, string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = user, Database = database, Timeout = 5 }.ConnectionString;

    private Task PgAsync(string tool, params string[] args) =>
        _asRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args]) : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
