using System.Security.Cryptography;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>Checks a signed checkpoint against a public key; says why when it does not verify.</summary>
public static class CheckpointVerifier
{
    public static bool Verify(SignedCheckpoint checkpoint, ECDsa publicKey, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(publicKey);
        var expected = KeyIdOf(publicKey);
        if (checkpoint.KeyId != expected)
        {
            problem = $"signed by key {checkpoint.KeyId}, not by the expected key {expected}";
            return false;
        }

        byte[] signed;
        try
        {
            signed = checkpoint.SignedBytes();
        }
        catch (ArgumentException e)
        {
            problem = "the checkpoint body is invalid: " + e.Message;
            return false;
        }

        if (!publicKey.VerifyData(signed, checkpoint.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            problem = "the signature does not verify";
            return false;
        }

        problem = null;
        return true;
    }

    public static string KeyIdOf(ECDsa publicKey) => CheckpointKeys.KeyIdOf(publicKey);
}
