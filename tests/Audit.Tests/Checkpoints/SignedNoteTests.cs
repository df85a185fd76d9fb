using System.Security.Cryptography;
using System.Text;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Merkle;
using NSec.Cryptography;

namespace Governance.Audit.Tests.Checkpoints;

/// <summary>
/// C2SP signed-note and tlog-cosignature: Ed25519 log signatures named by the origin, verifier keys,
/// several signature lines (unknown ones ignored, known ones required to verify), witness cosignatures,
/// and the ECDSA checkpoints from before ADR-023.
/// </summary>
public sealed class SignedNoteTests : IDisposable
{
    private const string Origin = "governance.example/audit";
    private static readonly Checkpoint Body = new(Origin, 77, MerkleHash.Leaf("seventy-seven"u8), new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.Zero));
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly TestWitness _witness = new("witness.example/w1");

    public void Dispose()
    {
        _key.Dispose();
        _witness.Dispose();
    }

    [Fact]
    public void GoNotePackageExample_VerifiesWithItsVerifierKey()
    {
        // The example of golang.org/x/mod/sumdb/note, the reference signed-note implementation.
        var verifier = NoteVerifiers.FromVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        var text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"u8.ToArray();
        var line = NoteSignature.Parse("\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=");

        Assert.Equal("Ed25519", verifier.Algorithm);
        Assert.True(verifier.Verify(text, line));
        text[0] ^= 0x20;
        Assert.False(verifier.Verify(text, line));
    }

    [Fact]
    public void Ed25519Checkpoint_IsNamedByTheOrigin_WithTheStandardKeyHash()
    {
        var signer = new CheckpointSigner(_key, Origin);
        var note = signer.Sign(Body).ToNote();
        var parsed = SignedCheckpoint.ParseNote(note);
        var raw = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

        var line = parsed.Signatures.Single();
        Assert.Equal(Origin, line.KeyName);
        Assert.Equal(SHA256.HashData([.. Encoding.UTF8.GetBytes(Origin), 0x0A, 0x01, .. raw])[..4], line.KeyHash);
        Assert.StartsWith("\u2014 " + Origin + " ", note.Split('\n')[5], StringComparison.Ordinal);
        // A plain RFC 8032 check over the note text, without this code's verifier.
        Assert.True(SignatureAlgorithm.Ed25519.Verify(_key.PublicKey, Encoding.UTF8.GetBytes(note[..(note.IndexOf("\n\n", StringComparison.Ordinal) + 1)]), line.Signature));
        Assert.True(CheckpointVerifier.Verify(parsed, [signer.Verifier], out var problem), problem);
    }

    [Fact]
    public void VerifierKeyAndPem_ReadBack_ToTheSameKey()
    {
        var verifier = new CheckpointSigner(_key, Origin).Verifier;
        var raw = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

        Assert.Equal($"{Origin}+{Convert.ToHexStringLower(verifier.KeyHash)}+{Convert.ToBase64String([0x01, .. raw])}", verifier.VerifierKey);
        var fromText = NoteVerifiers.FromVerifierKey(verifier.VerifierKey);
        var fromPem = NoteVerifiers.FromPem(verifier.PublicKeyPem, Origin);
        var signed = new CheckpointSigner(_key, Origin).Sign(Body);
        Assert.True(CheckpointVerifier.Verify(signed, [fromText], out _));
        Assert.True(CheckpointVerifier.Verify(signed, [fromPem], out _));
        Assert.Equal(verifier.KeyId, fromPem.KeyId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_key.PublicKey.Export(KeyBlobFormat.PkixPublicKey))[..8]), verifier.KeyId);
    }

    [Theory]
    [InlineData("no+hash")]
    [InlineData("name+0000000+AQ==")]
    [InlineData("name+00000000+AQ==")]
    [InlineData("na me+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a3+BRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    public void MalformedVerifierKey_IsAFormatException(string text) =>
        Assert.Throws<FormatException>(() => NoteVerifiers.FromVerifierKey(text));

    [Fact]
    public void WitnessCosignature_IsIgnoredByTheLogKey_AndVerifiesWithTheWitnessKey()
    {
        var signer = new CheckpointSigner(_key, Origin);
        var signed = signer.Sign(Body);
        var cosigned = SignedCheckpoint.ParseNote(signed.With(_witness.Cosign(signed, Body.Timestamp.AddSeconds(5))).ToNote());

        Assert.Equal(2, cosigned.Signatures.Count);
        Assert.True(CheckpointVerifier.Verify(cosigned, [signer.Verifier], out var problem), problem);
        Assert.True(_witness.Verifier.Verify(cosigned.SignedBytes(), cosigned.Signatures[1]));
        Assert.Equal(Body.Timestamp.AddSeconds(5), CosignatureVerifier.TimestampOf(cosigned.Signatures[1]));
        // The witness alone does not make the checkpoint the log's.
        Assert.False(CheckpointVerifier.Verify(cosigned with { Signatures = [cosigned.Signatures[1]] }, [signer.Verifier], out problem));
        Assert.Contains("none of them the expected key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CosignatureOverAnotherCheckpoint_DoesNotVerify()
    {
        var signer = new CheckpointSigner(_key, Origin);
        var other = signer.Sign(Body with { TreeSize = 78 });
        var line = _witness.Cosign(other, Body.Timestamp);

        Assert.False(_witness.Verifier.Verify(signer.Sign(Body).SignedBytes(), line));
    }

    [Fact]
    public void UnknownLines_AreIgnored_EvenWithTheLogsName_ButABadLineFromAKnownKeyFails()
    {
        var signer = new CheckpointSigner(_key, Origin);
        var signed = signer.Sign(Body);
        var impostor = new NoteSignature(Origin, [1, 2, 3, 4], new byte[64]);
        var bad = signed.Signatures[0] with { Signature = new byte[64] };

        Assert.True(CheckpointVerifier.Verify(signed with { Signatures = [impostor, .. signed.Signatures] }, [signer.Verifier], out var problem), problem);
        Assert.False(CheckpointVerifier.Verify(signed with { Signatures = [.. signed.Signatures, bad] }, [signer.Verifier], out problem));
        Assert.Contains("does not verify", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SixteenSignatureLines_Parse()
    {
        var signed = new CheckpointSigner(_key, Origin).Sign(Body);
        var lines = Enumerable.Range(0, 15).Select(i => new NoteSignature($"witness.example/{i}", [(byte)i, 0, 0, 0], new byte[72]));

        var parsed = SignedCheckpoint.ParseNote((signed with { Signatures = [.. signed.Signatures, .. lines] }).ToNote());

        Assert.Equal(16, parsed.Signatures.Count);
    }

    [Fact]
    public void Ed25519Signer_RefusesAnotherLogsCheckpoint() =>
        Assert.Throws<ArgumentException>(() => new CheckpointSigner(_key, Origin).Sign(Body with { Origin = "other.example/audit" }));

    [Fact]
    public void EcdsaCheckpointFromBeforeAdr023_VerifiesAlongsideTheNewKey()
    {
        using var legacy = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var old = new CheckpointSigner(legacy).Sign(Body);
        var legacyKey = NoteVerifiers.FromPem(legacy.ExportSubjectPublicKeyInfoPem(), Origin);
        var trusted = new[] { new CheckpointSigner(_key, Origin).Verifier, legacyKey };

        Assert.Equal("ECDSA-P256-SHA256", legacyKey.Algorithm);
        Assert.True(CheckpointVerifier.Verify(SignedCheckpoint.ParseNote(old.ToNote()), trusted, out var problem), problem);
        Assert.True(CheckpointVerifier.Verify(old, [NoteVerifiers.FromVerifierKey(legacyKey.VerifierKey)], out problem), problem);
        Assert.True(CheckpointVerifier.Verify(new CheckpointSigner(_key, Origin).Sign(Body), trusted, out problem), problem);
    }
}
