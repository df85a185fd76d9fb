namespace Governance.Cli.Tests.Infrastructure;

/// <summary>One invocation of the CLI: its arguments, the key file it signs with, extra environment and where it runs.</summary>
internal sealed record CliRun(string SigningKeyFile, string WorkingDirectory, params string[] Args)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Text written to the process's stdin, which is then closed; null leaves stdin alone.</summary>
    public string? StdIn { get; init; }

    /// <summary>Another copy of governance.dll to run; null means the build output.</summary>
    public string? Dll { get; init; }
}
