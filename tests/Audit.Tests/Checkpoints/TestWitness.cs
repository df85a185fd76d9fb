using System.Buffers.Binary;
using Governance.Audit.Offline.Checkpoints;
using NSec.Cryptography;

namespace Governance.Audit.Tests.Checkpoints;

/// <summary>A witness as C2SP tlog-cosignature describes one, written from the spec for the tests.</summary>
public sealed class TestWitness(string name) : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    public string Name { get; } = name;

    public CosignatureVerifier Verifier => new(Name, _key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public NoteSignature Cosign(SignedCheckpoint checkpoint, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var seconds = (ulong)at.ToUnixTimeSeconds();
        var signature = new byte[8 + 64];
        BinaryPrimitives.WriteUInt64BigEndian(signature, seconds);
        SignatureAlgorithm.Ed25519.Sign(_key, CosignatureVerifier.SignedMessage(seconds, checkpoint.SignedBytes()), signature.AsSpan(8));
        return new NoteSignature(Name, Verifier.KeyHash, signature);
    }

    public void Dispose() => _key.Dispose();
}
