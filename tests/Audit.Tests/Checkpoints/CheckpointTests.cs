using System.Security.Cryptography;
using System.Text;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Merkle;

namespace Governance.Audit.Tests.Checkpoints;

/// <summary>Signed checkpoint notes: sign, verify, parse; any edit, another key or a malformed note is refused.</summary>
public sealed class CheckpointTests : IDisposable
{
    private static readonly byte[] Root = MerkleHash.Leaf("root"u8);
    private static readonly Checkpoint Body = new("governance.example/audit", 1234, Root, new DateTimeOffset(2026, 12, 1, 21, 30, 0, TimeSpan.Zero).AddTicks(1_234_567));
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Signed_Verifies_AndTheNoteParsesBackToTheSameCheckpoint()
    {
        var signed = new CheckpointSigner(_key).Sign(Body);

        var parsed = SignedCheckpoint.ParseNote(signed.ToNote());

        Assert.True(CheckpointVerifier.Verify(parsed, _key, out var problem), problem);
        Assert.Equal(signed.ToNote(), parsed.ToNote());
        Assert.Equal(1234, parsed.Body.TreeSize);
        Assert.Equal(Root, parsed.Body.RootHash);
        Assert.Equal(CheckpointVerifier.KeyIdOf(_key), parsed.Signatures[0].KeyName);
    }

    [Fact]
    public void Note_HasTheC2spShape_WithMicrosecondTimestamp()
    {
        var note = new CheckpointSigner(_key).Sign(Body).ToNote();
        var lines = note.Split('\n');

        Assert.Equal("governance.example/audit", lines[0]);
        Assert.Equal("1234", lines[1]);
        Assert.Equal(Convert.ToBase64String(Root), lines[2]);
        Assert.Equal("timestamp 2026-12-01T21:30:00.123456Z", lines[3]);
        Assert.Equal("", lines[4]);
        Assert.StartsWith("\u2014 " + CheckpointVerifier.KeyIdOf(_key) + " ", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public void SignatureOverTheBody_VerifiesWithAPlainEcdsaCheck()
    {
        // What a third party without this code does: SHA-256 + ECDSA over the body bytes, DER signature.
        var signed = new CheckpointSigner(_key).Sign(Body);
        using var publicOnly = ECDsa.Create();
        publicOnly.ImportFromPem(new CheckpointSigner(_key).PublicKeyPem);
        var note = signed.ToNote();
        var body = Encoding.UTF8.GetBytes(note[..(note.IndexOf("\n\n", StringComparison.Ordinal) + 1)]);

        Assert.True(publicOnly.VerifyData(body, signed.Signatures[0].Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    public static TheoryData<string, string, string> Edits() => new()
    {
        { "size", "\n1234\n", "\n1235\n" },
        { "origin", "governance.example/audit", "governance.example/audis" },
        { "timestamp", "21:30:00.123456Z", "21:30:01.123456Z" },
        { "root", Convert.ToBase64String(Root)[..8], "AAAAAAAA" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void EditedNote_DoesNotVerify(string what, string from, string to)
    {
        var note = new CheckpointSigner(_key).Sign(Body).ToNote();
        var edited = SignedCheckpoint.ParseNote(note.Replace(from, to, StringComparison.Ordinal));

        Assert.False(CheckpointVerifier.Verify(edited, _key, out var problem), what);
        Assert.Contains("signature", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FlippedSignatureBit_DoesNotVerify()
    {
        var signed = new CheckpointSigner(_key).Sign(Body);
        var signature = signed.Signatures[0].Signature.ToArray();
        signature[^1] ^= 0x01;

        Assert.False(CheckpointVerifier.Verify(signed with { Signatures = [signed.Signatures[0] with { Signature = signature }] }, _key, out _));
    }

    [Fact]
    public void AnotherKey_IsRefused_NamingBothKeyIds()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = new CheckpointSigner(other).Sign(Body);

        Assert.False(CheckpointVerifier.Verify(signed, _key, out var problem));
        Assert.Contains(CheckpointVerifier.KeyIdOf(other), problem, StringComparison.Ordinal);
        Assert.Contains(CheckpointVerifier.KeyIdOf(_key), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ClaimingAnotherKeyId_IsRefused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var mine = new EcdsaNoteVerifier(_key);
        var theirs = new CheckpointSigner(other).Sign(Body);
        var signed = theirs with { Signatures = [theirs.Signatures[0] with { KeyName = mine.Name, KeyHash = mine.KeyHash }] };

        Assert.False(CheckpointVerifier.Verify(signed, _key, out var problem));
        Assert.Contains("signature", problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<string, string>> Malformed() => new()
    {
        { "no blank line", n => n.Replace("\n\n", "\n", StringComparison.Ordinal) },
        { "CRLF", n => n.Replace("\n", "\r\n", StringComparison.Ordinal) },
        { "no final newline", n => n[..^1] },
        { "leading zero size", n => n.Replace("\n1234\n", "\n01234\n", StringComparison.Ordinal) },
        { "negative size", n => n.Replace("\n1234\n", "\n-1234\n", StringComparison.Ordinal) },
        { "short root", n => n.Replace(Convert.ToBase64String(Root), Convert.ToBase64String(Root[..31]), StringComparison.Ordinal) },
        { "no timestamp", n => n.Replace("timestamp ", "time ", StringComparison.Ordinal) },
        { "65 signatures", n => n + string.Concat(Enumerable.Repeat(n[(n.IndexOf("\n\n", StringComparison.Ordinal) + 2)..], 64)) },
        { "no signature", n => n[..(n.IndexOf("\n\n", StringComparison.Ordinal) + 2)] },
        { "key name with a plus", n => WithKeyId(n, "00000000+0000000") },
        { "hyphen for em dash", n => n.Replace("\u2014", "-", StringComparison.Ordinal) },
        { "bad base64", n => n[..^5] + "!!!!\n" },
        { "extra body line", n => n.Replace("\n\n", "\nextra\n\n", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedNote_ThrowsFormatException(string what, Func<string, string> edit)
    {
        var note = new CheckpointSigner(_key).Sign(Body).ToNote();

        Assert.True(Assert.Throws<FormatException>(() => SignedCheckpoint.ParseNote(edit(note))) is not null, what);
    }

    [Fact]
    public void Signer_RefusesAKeyThatIsNotP256()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => new CheckpointSigner(p384));
    }

    private static string WithKeyId(string note, string keyId)
    {
        var at = note.IndexOf('\u2014', StringComparison.Ordinal) + 2;
        return note[..at] + keyId + note[(at + 16)..];
    }
}
