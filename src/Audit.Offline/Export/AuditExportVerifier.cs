namespace Governance.Audit.Offline.Export;

/// <summary>
/// Verifies an export offline, with no database: every entry's readable fields against its hashed
/// bytes, every leaf and every signed root recomputed, every signature, every consistency proof and
/// the optional external anchor. Streams the file in constant memory.
/// </summary>
public static class AuditExportVerifier
{
    public static ExportVerificationResult Verify(Stream export, ExportVerificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(export);
        var run = new ExportVerification(new AuditExportReader(export), options ?? new ExportVerificationOptions());
        try
        {
            return run.Run();
        }
        catch (VerificationStop stop)
        {
            return run.Result(stop.Verdict, stop.Message) with { FirstBadSequence = stop.Sequence };
        }
    }
}
