using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Governance.Testing;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// The API as a real server process (Kestrel on a free loopback port) over a fresh database, with its
/// own key and model store; the CLI runs against the same install through the same settings.
/// </summary>
public sealed class ServerProcess : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _scratch = Directory.CreateTempSubdirectory("governance-e2e-").FullName;
    private Process? _process;

    public ServerProcess()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Extra environment variables of the server (and the CLI), set after the defaults.</param>
    internal ServerProcess(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    public TestDatabase Database { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public string Scratch => _scratch;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        await StartAsync();
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [RepoLayout.ApiDll, "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _scratch,
        };
        Configure(start.Environment);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the API");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ProcessReadiness.WaitAsync(_process, BaseAddress, "API", () => Log);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public void Configure(IDictionary<string, string?> environment)
    {
        environment["Governance__Database__AppConnectionString"] = Database.AppConnectionString;
        environment["Governance__Database__OwnerConnectionString"] = Database.OwnerConnectionString;
        environment["Governance__Auth__SigningKeyFile"] = Path.Combine(_scratch, "signing-key.pem");
        environment["Governance__Privacy__MasterKeyFile"] = Path.Combine(_scratch, "privacy-master.key");
        environment["Governance__Audit__SigningKeyFile"] = Path.Combine(_scratch, "audit-signing-key.pem");
        environment["Governance__Audit__AnchorDirectory"] = Path.Combine(_scratch, "audit-anchor");
        environment["Governance__Models__StorePath"] = Path.Combine(_scratch, "models");
        environment["Governance__Models__ExecutionProvider"] = "Cpu";
        environment["GOVERNANCE_URL"] = BaseAddress.ToString().TrimEnd('/');
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in _settings)
        {
            environment[key] = value;
        }
    }

    /// <summary>Runs `governance ARGS` (the built CLI) against this install; returns exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> CliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [RepoLayout.CliDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _scratch,
        };
        Configure(start.Environment);
        using var cli = Process.Start(start)!;
        var stdout = cli.StandardOutput.ReadToEndAsync();
        var stderr = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return (cli.ExitCode, (await stdout).Trim() + (await stderr).Trim());
    }

    public async Task DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        await Database.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
