using System.Diagnostics;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the real `governance` CLI as a child process (`dotnet governance.dll ...`). Every run gets a
/// signing key path of its own, so no test ever reads or creates the developer's .dev key.
/// </summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<CliResult> RunAsync(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var dll = run.Dll ?? CliBuild.Dll;
        Assert.True(File.Exists(dll), $"{dll} is missing: build tests/Cli.Tests first (it builds src/Cli).");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = run.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = run.StdIn is not null,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in run.Args)
        {
            start.ArgumentList.Add(arg);
        }

        // The developer's own settings (a shell with Governance__* or GOVERNANCE_* exported) must not leak in.
        foreach (var name in start.Environment.Keys.Where(IsGovernanceSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["Governance__Auth__SigningKeyFile"] = run.SigningKeyFile;
        foreach (var (name, value) in run.Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (run.StdIn is not null)
        {
            await process.StandardInput.WriteAsync(run.StdIn);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"governance {string.Join(' ', run.Args)} ran longer than {Timeout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static bool IsGovernanceSetting(string name) =>
        name.StartsWith("Governance__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("GOVERNANCE_", StringComparison.OrdinalIgnoreCase);
}
