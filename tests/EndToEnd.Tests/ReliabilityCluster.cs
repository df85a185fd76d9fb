using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Governance.Testing;
using Npgsql;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// Several real API processes over ONE database, sharing the audit key and the anchor directory
/// (as a deployment behind a load balancer would). Each process names itself in its connections
/// (Application Name), so a test can ask PostgreSQL which one holds the sequencer lock.
/// </summary>
public sealed class ReliabilityCluster : IAsyncDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("governance-cluster-").FullName;
    private readonly Dictionary<int, (Process Process, Uri Url)> _nodes = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    public TestDatabase Database { get; } = new();

    public Uri Url(int node) => _nodes[node].Url;

    public async Task StartAsync(int node)
    {
        if (_nodes.Count == 0 && !Directory.Exists(Path.Combine(_scratch, "db-ready")))
        {
            await Database.InitializeAsync();
            Directory.CreateDirectory(Path.Combine(_scratch, "db-ready"));
        }

        var url = _nodes.TryGetValue(node, out var old) ? old.Url : new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [RepoLayout.ApiDll, "--urls", url.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _scratch,
        };
        var env = start.Environment;
        env["Governance__Database__AppConnectionString"] = Database.AppConnectionString + ";Application Name=api-" + node;
        env["Governance__Database__OwnerConnectionString"] = Database.OwnerConnectionString;
        env["Governance__Auth__SigningKeyFile"] = Path.Combine(_scratch, "signing-key.pem");
        env["Governance__Privacy__MasterKeyFile"] = Path.Combine(_scratch, "privacy-master.key");
        env["Governance__Audit__SigningKeyFile"] = Path.Combine(_scratch, "audit-signing-key.pem");
        env["Governance__Audit__AnchorDirectory"] = Path.Combine(_scratch, "audit-anchor");
        env["Governance__Models__StorePath"] = Path.Combine(_scratch, "models");
        env["Governance__Models__ExecutionProvider"] = "Cpu";
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the API");
        // Warnings and errors only (see the log level above), kept for a failing test's message.
        process.OutputDataReceived += (_, e) => Keep(node, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(node, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _nodes[node] = (process, url);
        using var http = new HttpClient { BaseAddress = url };
        for (var i = 0; i < 240 && !process.HasExited; i++)
        {
            try
            {
                using var ready = await http.GetAsync(new Uri("/v2/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"API node {node} did not become ready");
    }

    /// <summary>SIGKILL, as a crash or an OOM kill: no shutdown, its connections simply drop.</summary>
    public async Task KillAsync(int node)
    {
        var process = _nodes[node].Process;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>What the nodes logged (warnings and errors, the last 200 lines) and who holds which advisory lock now.</summary>
    public async Task<string> DiagnosticsAsync()
    {
        await using var connection = new NpgsqlConnection(Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(format('%s pid %s %s %s since %s', a.application_name, a.pid, a.state, left(a.query, 80), a.state_change), E'\n')
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = $1)
            """, connection);
        command.Parameters.Add(new() { Value = DatabaseName });
        var locks = await command.ExecuteScalarAsync() as string;
        return $"advisory locks:\n{locks ?? "(none)"}\nnode output:\n{string.Join('\n', _output)}";
    }

    private string DatabaseName => new NpgsqlConnectionStringBuilder(Database.OwnerConnectionString).Database!;

    /// <summary>The node whose connection holds the sequencer's advisory lock (null while none does).</summary>
    public async Task<int?> SequencerNodeAsync()
    {
        await using var connection = new NpgsqlConnection(Database.AdminConnectionString);
        await connection.OpenAsync();
        // Advisory locks are per database, and the other suites' hosts hold the same key in theirs.
        await using var command = new NpgsqlCommand("""
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = x'676F765F'::int::oid AND l.objid = x'73657172'::int::oid
              AND l.database = (SELECT oid FROM pg_database WHERE datname = $1)
            """, connection);
        command.Parameters.Add(new() { Value = DatabaseName });
        // A name that is not ours yet (a backend still starting) reads as "no leader"; callers poll.
        return await command.ExecuteScalarAsync() is string name && name.StartsWith("api-", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture, out var node) ? node : null;
    }

    private void Keep(int node, string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue($"[api-{node}] {line}");
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    /// <summary>Runs the CLI against this install (tokens are signed with the shared key).</summary>
    public async Task<string> CliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [RepoLayout.CliDll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _scratch };
        start.Environment["Governance__Auth__SigningKeyFile"] = Path.Combine(_scratch, "signing-key.pem");
        start.Environment["Governance__Database__OwnerConnectionString"] = Database.OwnerConnectionString;
        start.Environment["Governance__Database__AppConnectionString"] = Database.AppConnectionString;
        using var cli = Process.Start(start)!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return output.Trim();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.Keys)
        {
            await KillAsync(node);
            _nodes[node].Process.Dispose();
        }

        await Database.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
