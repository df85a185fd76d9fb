namespace Governance.Cli.Tests.Infrastructure;

/// <summary>What one run of the CLI process left behind.</summary>
internal sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Both streams, so a failed assertion shows what the CLI actually said.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}
