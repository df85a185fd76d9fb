using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Governance.Audit.Offline.Export;
using Governance.Audit.Testing.Export;

namespace Governance.Audit.Tests.Export;

/// <summary>Whatever bytes a file holds, the verifier answers with a verdict; it never throws or hangs.</summary>
public sealed class VerifierRobustnessTests : IDisposable
{
    private readonly ExportFixture _log = new(40);

    public void Dispose() => _log.Dispose();

    [Fact]
    public void AnyCorruptedByte_GivesAVerdict_AndChangedSignedDataNeverVerifies()
    {
        var export = _log.Export(1, 40, [20, 40]);
        var property = Prop.ForAll(Gen.Choose(0, export.Length - 1).ToArbitrary(), Gen.Choose(0, 255).ToArbitrary(), (at, value) =>
        {
            var corrupted = export.ToArray();
            corrupted[at] = (byte)value;
            using var stream = new MemoryStream(corrupted);
            var result = AuditExportVerifier.Verify(stream);
            // Only bytes no hash covers may change without a failure: the export and commit times, or a no-op edit.
            return result.Verdict != ExportVerdict.Verified || corrupted[at] == export[at] || InUnsignedTime(export, at);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    [Fact]
    public void HeaderWithAnImpossibleRange_IsUnreadable()
    {
        var lines = _log.Lines(1, 40, [40]);
        ExportTampering.Edit(lines, 0, o => o["first_sequence"] = 0);

        using var stream = new MemoryStream(ExportFixture.Join(lines));
        Assert.Equal(ExportVerdict.Unreadable, AuditExportVerifier.Verify(stream).Verdict);
    }

    [Fact]
    public void HeaderKeyOnACurveThePlatformDoesNotKnow_IsUnreadable()
    {
        // The random search above once turned the P-256 OID into one no platform knows (1.2.840.9885.3.1.7); this does so on purpose.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        byte[] p256 = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];
        spki[spki.AsSpan().IndexOf(p256) + 5] = 0x4D;
        var lines = _log.Lines(1, 40, [40]);
        ExportTampering.Edit(lines, 0, o => o["public_key_pem"] = PemEncoding.WriteString("PUBLIC KEY", spki));

        using var stream = new MemoryStream(ExportFixture.Join(lines));
        var result = AuditExportVerifier.Verify(stream);

        Assert.Equal(ExportVerdict.Unreadable, result.Verdict);
        Assert.Contains("not an Ed25519 or ECDSA P-256 PEM key", result.Message, StringComparison.Ordinal);
    }

    private static bool InUnsignedTime(byte[] export, int at)
    {
        foreach (var key in new[] { "\"committed_at\":\""u8.ToArray(), "\"exported_at\":\""u8.ToArray() })
        {
            for (var i = export.AsSpan().IndexOf(key); i >= 0;)
            {
                var start = i + key.Length;
                if (at >= start && at < start + export.AsSpan(start).IndexOf((byte)'"'))
                {
                    return true;
                }

                var next = export.AsSpan(start).IndexOf(key);
                i = next < 0 ? -1 : start + next;
            }
        }

        return false;
    }
}
