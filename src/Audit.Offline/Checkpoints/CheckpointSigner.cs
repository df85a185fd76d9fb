using System.Security.Cryptography;
using NSec.Cryptography;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// Signs checkpoint notes with the platform's audit key: Ed25519 (signed-note type 0x01) named by the
/// log's origin, as tlog-checkpoint asks; or, for deployments whose key predates ADR-023, ECDSA P-256
/// (type 0x02) named by its key id.
/// </summary>
public sealed class CheckpointSigner
{
    private readonly Func<byte[], byte[]> _sign;

    /// <summary>An Ed25519 signer; its key name is <paramref name="origin"/>, so it signs only that log's checkpoints.</summary>
    public CheckpointSigner(Key ed25519, string origin)
    {
        ArgumentNullException.ThrowIfNull(ed25519);
        if (ed25519.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("Checkpoint keys are Ed25519 (or, before ADR-023, ECDSA P-256).", nameof(ed25519));
        }

        Verifier = new Ed25519NoteVerifier(origin, ed25519.PublicKey);
        _sign = data => SignatureAlgorithm.Ed25519.Sign(ed25519, data);
    }

    /// <summary>An ECDSA P-256 signer, as every checkpoint before ADR-023 was signed.</summary>
    public CheckpointSigner(ECDsa privateKey)
    {
        Verifier = new EcdsaNoteVerifier(privateKey);
        _sign = data => privateKey.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>The public half, as verifiers are given it.</summary>
    public NoteVerifier Verifier { get; }

    public string KeyId => Verifier.KeyId;

    public string PublicKeyPem => Verifier.PublicKeyPem;

    /// <summary>Signs the body; its timestamp is normalized to UTC whole microseconds first.</summary>
    public SignedCheckpoint Sign(Checkpoint body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Verifier is Ed25519NoteVerifier && body.Origin != Verifier.Name)
        {
            throw new ArgumentException($"This key signs the log '{Verifier.Name}', not '{body.Origin}'.", nameof(body));
        }

        var normalized = body with { Timestamp = CheckpointNote.Normalize(body.Timestamp), RootHash = body.RootHash.ToArray() };
        var unsigned = new SignedCheckpoint(normalized, []);
        var signature = new NoteSignature(Verifier.Name, Verifier.KeyHash, _sign(unsigned.SignedBytes()));
        return unsigned with { Signatures = [signature] };
    }
}
