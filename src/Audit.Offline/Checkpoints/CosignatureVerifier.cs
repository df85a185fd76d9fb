using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// signed-note type 0x04, a witness's cosignature (C2SP tlog-cosignature, v1): the signature bytes are
/// an 8-byte big-endian POSIX timestamp and an Ed25519 signature over
/// <c>"cosignature/v1\ntime &lt;timestamp&gt;\n"</c> followed by the checkpoint body.
/// </summary>
public sealed class CosignatureVerifier : NoteVerifier
{
    public const byte Type = 0x04;
    private const int TimestampLength = 8;
    private const int Ed25519SignatureLength = 64;

    private readonly PublicKey _key;

    public CosignatureVerifier(string name, ReadOnlySpan<byte> publicKey)
        : this(name, Ed25519NoteVerifier.Import(publicKey))
    {
    }

    private CosignatureVerifier(string name, PublicKey key)
        : this(name, key, key.Export(KeyBlobFormat.RawPublicKey))
    {
    }

    private CosignatureVerifier(string name, PublicKey key, byte[] raw)
        : base(name, Type, raw, StandardKeyHash(name, Type, raw), FingerprintOf([.. Ed25519NoteVerifier.SpkiPrefix, .. raw])) => _key = key;

    public override string Algorithm => "Ed25519-cosignature/v1";

    public override string PublicKeyPem =>
        new string(PemEncoding.Write("PUBLIC KEY", [.. Ed25519NoteVerifier.SpkiPrefix, .. KeyMaterial])) + "\n";

    /// <summary>When the witness says it cosigned (null when the signature is not a timestamped one).</summary>
    public static DateTimeOffset? TimestampOf(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Signature.Length != TimestampLength + Ed25519SignatureLength)
        {
            return null;
        }

        var seconds = BinaryPrimitives.ReadUInt64BigEndian(signature.Signature);
        return seconds <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : null;
    }

    public override bool Verify(byte[] noteText, NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(noteText);
        if (!Matches(signature) || signature.Signature.Length != TimestampLength + Ed25519SignatureLength)
        {
            return false;
        }

        var seconds = BinaryPrimitives.ReadUInt64BigEndian(signature.Signature);
        if (seconds > long.MaxValue)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(_key, SignedMessage(seconds, noteText), signature.Signature.AsSpan(TimestampLength));
    }

    /// <summary>What a witness signs for a checkpoint body at <paramref name="seconds"/>.</summary>
    public static byte[] SignedMessage(ulong seconds, byte[] noteText)
    {
        ArgumentNullException.ThrowIfNull(noteText);
        var header = Encoding.ASCII.GetBytes("cosignature/v1\ntime " + seconds.ToString(CultureInfo.InvariantCulture) + "\n");
        return [.. header, .. noteText];
    }
}
