using System.Security.Cryptography;
using NSec.Cryptography;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>signed-note type 0x01: an Ed25519 signature over the note text, key hash from name and key.</summary>
public sealed class Ed25519NoteVerifier : NoteVerifier
{
    public const byte Type = 0x01;

    // The DER of a SubjectPublicKeyInfo for Ed25519 (RFC 8410) is this prefix and the 32-byte key.
    internal static readonly byte[] SpkiPrefix = Convert.FromHexString("302a300506032b6570032100");

    private readonly PublicKey _key;

    public Ed25519NoteVerifier(string name, ReadOnlySpan<byte> publicKey)
        : this(name, Import(publicKey))
    {
    }

    internal Ed25519NoteVerifier(string name, PublicKey key)
        : this(name, key, key.Export(KeyBlobFormat.RawPublicKey))
    {
    }

    private Ed25519NoteVerifier(string name, PublicKey key, byte[] raw)
        : base(name, Type, raw, StandardKeyHash(name, Type, raw), FingerprintOf([.. SpkiPrefix, .. raw])) => _key = key;

    public override string Algorithm => "Ed25519";

    public override string PublicKeyPem => new string(PemEncoding.Write("PUBLIC KEY", [.. SpkiPrefix, .. KeyMaterial])) + "\n";

    public override bool Verify(byte[] noteText, NoteSignature signature) =>
        Matches(signature) && SignatureAlgorithm.Ed25519.Verify(_key, noteText, signature.Signature);

    internal static PublicKey Import(ReadOnlySpan<byte> raw) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) && key is not null
            ? key
            : throw new FormatException("An Ed25519 public key is 32 bytes of a valid curve point.");
}
