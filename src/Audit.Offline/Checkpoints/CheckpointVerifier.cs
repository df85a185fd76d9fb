using System.Security.Cryptography;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// Checks a signed checkpoint as signed-note prescribes: lines from keys it does not know (name and
/// hash) are ignored, every line from a known key must verify, and at least one must. Says why not.
/// </summary>
public static class CheckpointVerifier
{
    public static bool Verify(SignedCheckpoint checkpoint, IReadOnlyCollection<NoteVerifier> trusted, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(trusted);
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

        var verified = 0;
        foreach (var signature in checkpoint.Signatures)
        {
            var key = trusted.FirstOrDefault(k => k.Matches(signature));
            if (key is null)
            {
                continue;
            }

            if (!key.Verify(signed, signature))
            {
                problem = $"the signature does not verify (key {Describe(key)})";
                return false;
            }

            verified++;
        }

        if (verified == 0)
        {
            problem = $"signed by {string.Join(", ", checkpoint.Signatures.Select(s => $"{s.KeyName} ({Convert.ToHexStringLower(s.KeyHash)})"))}, "
                + $"none of them the expected key {string.Join(" or ", trusted.Select(Describe))}";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>Checks against one ECDSA P-256 key, as checkpoints before ADR-023 are signed.</summary>
    public static bool Verify(SignedCheckpoint checkpoint, ECDsa publicKey, out string? problem) =>
        Verify(checkpoint, [new EcdsaNoteVerifier(publicKey)], out problem);

    public static string KeyIdOf(ECDsa publicKey) => CheckpointKeys.KeyIdOf(publicKey);

    private static string Describe(NoteVerifier key) => $"{key.Name} ({Convert.ToHexStringLower(key.KeyHash)}, key id {key.KeyId})";
}
