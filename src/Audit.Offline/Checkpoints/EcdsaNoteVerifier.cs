using System.Security.Cryptography;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// signed-note type 0x02: ECDSA P-256 over SHA-256 of the note text, DER signatures, key hash the first
/// 4 bytes of SHA-256 over the SubjectPublicKeyInfo DER. Checkpoints signed before ADR-023 use it, with
/// the key id as key name; they keep verifying.
/// </summary>
public sealed class EcdsaNoteVerifier : NoteVerifier
{
    public const byte Type = 0x02;

    private readonly ECDsa _key;

    /// <summary>Takes a copy of the public half; the name defaults to the key id, as the checkpoints before ADR-023 have it.</summary>
    public EcdsaNoteVerifier(ECDsa key, string? name = null)
        : this(Spki(key), name)
    {
    }

    private EcdsaNoteVerifier(byte[] spki, string? name)
        : base(name ?? FingerprintOf(spki), Type, spki, SHA256.HashData(spki)[..NoteSignature.KeyHashLength], FingerprintOf(spki))
    {
        _key = ECDsa.Create();
        _key.ImportSubjectPublicKeyInfo(spki, out _);
    }

    public override string Algorithm => "ECDSA-P256-SHA256";

    public override string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem() + "\n";

    public static EcdsaNoteVerifier FromSubjectPublicKeyInfo(byte[] spki, string name)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(spki, out _);
        return new EcdsaNoteVerifier(key, name);
    }

    public override bool Verify(byte[] noteText, NoteSignature signature) =>
        Matches(signature) && _key.VerifyData(noteText, signature.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    private static byte[] Spki(ECDsa key)
    {
        CheckpointKeys.RequireP256(key);
        return key.ExportSubjectPublicKeyInfo();
    }
}
