using Governance.Audit.Export;
using Spectre.Console;

namespace Governance.Cli.Commands;

/// <summary>A progress bar on stderr for large exports, when stderr is a terminal; nothing otherwise.</summary>
internal static class VerifyProgress
{
    private const long LargeFile = 16L << 20;

    public static ExportVerificationResult Run(FileStream file, ExportVerificationOptions options)
    {
        if (Console.IsErrorRedirected || file.Length < LargeFile)
        {
            return AuditExportVerifier.Verify(file, options);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Verifying", maxValue: file.Length);
                return AuditExportVerifier.Verify(file, options with { Progress = new Bytes(task) });
            });
    }

    // Synchronous on purpose: Progress<T> would post to the thread pool and lag behind the bar.
    private sealed class Bytes(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = value;
    }
}
