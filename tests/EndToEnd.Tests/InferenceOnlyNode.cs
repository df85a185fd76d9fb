using System.Diagnostics;
using System.Text;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// A second process of ours in inference-only mode (Governance:Mode=InferenceOnly): real Kestrel on a loopback
/// port, real ONNX Runtime, the models of a directory, no database. It can be killed and started again on the same port.
/// </summary>
public sealed class InferenceOnlyNode(string modelDirectory, string secret) : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{ServerProcess.FreePort()}");

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

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [RepoLayout.ApiDll, "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = modelDirectory,
        };
        start.Environment["Governance__Mode"] = "InferenceOnly";
        start.Environment["Governance__InferenceOnly__ModelDirectory"] = modelDirectory;
        start.Environment["Governance__InferenceOnly__BearerToken"] = secret;
        start.Environment["Governance__Models__ExecutionProvider"] = "Cpu";
        // Nothing of a governed install may be needed: no connection strings, no keys.
        start.Environment["GOVERNANCE_DB_APP"] = "";
        start.Environment["GOVERNANCE_DB_OWNER"] = "";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the inference-only node");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ProcessReadiness.WaitAsync(_process, BaseAddress, "inference-only node", () => Log);
    }

    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

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
}
