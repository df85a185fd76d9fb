using System.CommandLine;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Export;
using Governance.Audit.Publishing;

namespace Governance.Cli.Commands;

/// <summary>
/// `governance audit verify FILE [--checkpoint ANCHOR] [--pubkey KEY]`: offline, no database.
/// Exit 0 when everything verifies, 1 when anything does not (tampering, gaps, an anchor that cannot
/// be checked), 2 for bad usage or a file that is not an audit export.
/// </summary>
internal static class AuditVerifyCommand
{
    public const int Verified = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The export (JSON Lines) to verify" };
        var anchor = new Option<string?>("--checkpoint") { Description = "A checkpoint note kept outside the database (the external anchor)" };
        var pubkey = new Option<string[]>("--pubkey")
        {
            Description = "An audit public key to trust: a PEM file, the PEM text, or a signed-note verifier key (name+hash+key); "
                + "repeat it for retired keys. The export must be signed with one of them",
        };
        var command = new Command("verify", "Verify an audit export offline: entries, leaves, roots, signatures, consistency") { file, anchor, pubkey };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(anchor), parse.GetValue(pubkey)));
        return command;
    }

    /// <summary>True for a parse of `audit verify` that System.CommandLine rejected (it would exit 1, which here means "tampered").</summary>
    public static bool IsRejectedUsage(ParseResult parse) =>
        parse.Errors.Count > 0 && parse.CommandResult.Command.Name == "verify" && parse.CommandResult.Parent is { } parent
        && parent is System.CommandLine.Parsing.CommandResult { Command.Name: "audit" };

    public static int UsageError(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine("Usage: governance audit verify FILE [--checkpoint CHECKPOINT_FILE] [--pubkey KEY]...");
        return Usage;
    }

    private static int Run(string path, string? anchorPath, string[]? keyArguments)
    {
        SignedCheckpoint? anchor;
        List<string> pinned;
        try
        {
            pinned = [.. (keyArguments ?? []).Select(KeyText)];
            anchor = anchorPath is null ? null : SignedCheckpoint.ParseNote(File.ReadAllText(anchorPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or FormatException)
        {
            return UsageError(e.Message);
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return UsageError($"Cannot read {path}: {e.Message}");
        }

        using (stream)
        {
            var options = new ExportVerificationOptions { PinnedKeys = pinned, Anchor = anchor, AnchoredAt = anchorPath is null ? null : AnchorDirectory(anchorPath) };
            var result = VerifyProgress.Run(stream, options);
            return Report(result);
        }
    }

    // The anchor directory holds checkpoint-<size>.note for every checkpoint besides latest.note, so a
    // live system's latest.note still checks an export the checkpointer has moved past.
    private static Func<long, SignedCheckpoint?> AnchorDirectory(string anchorPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(anchorPath))!;
        return size =>
        {
            var file = Path.Combine(directory, DirectoryAnchor.FileNameOf(size));
            return File.Exists(file) ? SignedCheckpoint.ParseNote(File.ReadAllText(file)) : null;
        };
    }

    // The PEM text or a verifier key as given (handy in scripts that already hold the key), or a file
    // holding either; parsed here once so a bad key is a usage error, not a failed verification.
    private static string KeyText(string argument)
    {
        var text = argument.StartsWith("-----BEGIN", StringComparison.Ordinal) || (argument.Contains('+', StringComparison.Ordinal) && !File.Exists(argument))
            ? argument
            : File.ReadAllText(argument);
        NoteVerifiers.Parse(text, "origin.check/only");
        return text;
    }

    private static int Report(ExportVerificationResult result)
    {
        switch (result.Verdict)
        {
            case ExportVerdict.Verified:
                Console.WriteLine("OK: " + result.Message);
                if (result.KeyFromExport)
                {
                    Console.Error.WriteLine($"Note: checked against the key the export names ({result.KeyId}); pass --pubkey to pin the audit key you trust.");
                }

                return Verified;
            case ExportVerdict.Unreadable:
                return UsageError("Not an audit export: " + result.Message);
            default:
                var where = result.FirstBadSequence is { } s ? $" at entry {s}" : "";
                Console.WriteLine($"FAILED{where}: {result.Message}");
                Console.WriteLine($"({result.EntriesChecked} entries checked before the failure.)");
                return Failed;
        }
    }
}
