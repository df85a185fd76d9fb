using System.Security.Cryptography;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>Signs checkpoint notes with the platform's audit key (ECDSA P-256, SHA-256, DER signatures).</summary>
public sealed class CheckpointSigner
{
    private readonly ECDsa _privateKey;

    public CheckpointSigner(ECDsa privateKey)
    {
        CheckpointKeys.RequireP256(privateKey);
        _privateKey = privateKey;
        KeyId = CheckpointKeys.KeyIdOf(privateKey);
        PublicKeyPem = privateKey.ExportSubjectPublicKeyInfoPem();
    }

    public string KeyId { get; }

    public string PublicKeyPem { get; }

    /// <summary>Signs the body; its timestamp is normalized to UTC whole microseconds first.</summary>
    public SignedCheckpoint Sign(Checkpoint body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var normalized = body with { Timestamp = CheckpointNote.Normalize(body.Timestamp), RootHash = body.RootHash.ToArray() };
        var unsigned = new SignedCheckpoint(normalized, KeyId, []);
        var signature = _privateKey.SignData(unsigned.SignedBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return unsigned with { Signature = signature };
    }
}
