using System.Security.Cryptography;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// Key ids: the first 8 bytes of SHA-256 over the key's SubjectPublicKeyInfo (DER), as 16 lower-case
/// hex digits. An ECDSA note's 4-byte key hash (signed-note type 0x02) is the first half of the same digest.
/// </summary>
internal static class CheckpointKeys
{
    public const int KeyIdLength = 16;

    public static string KeyIdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var digest = SHA256.HashData(key.ExportSubjectPublicKeyInfo());
        return Convert.ToHexStringLower(digest.AsSpan(0, KeyIdLength / 2));
    }

    /// <summary>Only P-256: one curve means one signature format for every verifier.</summary>
    public static void RequireP256(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (!curve.IsNamed || curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException("Checkpoint keys are ECDSA P-256.", nameof(key));
        }
    }
}
