using System.Security.Cryptography;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Publishing;
using Governance.Audit.Verification;
using Governance.Testing;

namespace Governance.Audit.Tests;

/// <summary>The online verifier on a log that has no anchor yet (a throwaway key and an empty anchor directory).</summary>
internal static class LogCheck
{
    public static async Task<LogVerificationResult> VerifyAsync(TestDatabase db)
    {
        var directory = Directory.CreateTempSubdirectory("governance-check-").FullName;
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return await new LogVerifier(db.AppDataSource, [new EcdsaNoteVerifier(key)], new DirectoryAnchor(directory)).VerifyAsync(CancellationToken.None);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
