using System.Security.Cryptography;
using System.Text;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// A public key that checks note signatures, as signed-note describes keys: a name, a 4-byte key
/// hash, a signature type. <see cref="KeyId"/> is the platform's longer fingerprint (the first 8 bytes
/// of SHA-256 over the SubjectPublicKeyInfo DER, hex), the id the database and exports record.
/// </summary>
public abstract class NoteVerifier
{
    private protected NoteVerifier(string name, byte type, byte[] publicKey, byte[] keyHash, string keyId)
    {
        if (!NoteSignature.IsKeyName(name))
        {
            throw new ArgumentException("A key name is non-empty, without spaces, '+' or control characters.", nameof(name));
        }

        Name = name;
        SignatureType = type;
        KeyMaterial = publicKey;
        KeyHash = keyHash;
        KeyId = keyId;
    }

    public string Name { get; }

    /// <summary>The signed-note signature type byte: 0x01 Ed25519, 0x02 ECDSA, 0x04 timestamped Ed25519 cosignature.</summary>
    public byte SignatureType { get; }

    /// <summary>The key material a verifier key carries after the type byte.</summary>
    public byte[] KeyMaterial { get; }

    public byte[] KeyHash { get; }

    public string KeyId { get; }

    /// <summary>"Ed25519", "ECDSA-P256-SHA256" or "Ed25519-cosignature/v1".</summary>
    public abstract string Algorithm { get; }

    /// <summary>SubjectPublicKeyInfo PEM of the key.</summary>
    public abstract string PublicKeyPem { get; }

    /// <summary>The signed-note verifier key text: <c>&lt;name&gt;+&lt;hex key hash&gt;+base64(type || key)</c>.</summary>
    public string VerifierKey =>
        Name + "+" + Convert.ToHexStringLower(KeyHash) + "+" + Convert.ToBase64String([SignatureType, .. KeyMaterial]);

    public bool Matches(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return signature.KeyName == Name && signature.KeyHash.AsSpan().SequenceEqual(KeyHash);
    }

    /// <summary>Checks <paramref name="signature"/> over the note text (the checkpoint body, final newline included).</summary>
    public abstract bool Verify(byte[] noteText, NoteSignature signature);

    /// <summary>signed-note's recommended key hash: SHA-256(name || LF || type || key)[:4].</summary>
    private protected static byte[] StandardKeyHash(string name, byte type, byte[] publicKey) =>
        SHA256.HashData([.. Encoding.UTF8.GetBytes(name), 0x0A, type, .. publicKey])[..NoteSignature.KeyHashLength];

    private protected static string FingerprintOf(byte[] subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo).AsSpan(0, CheckpointKeys.KeyIdLength / 2));
}
