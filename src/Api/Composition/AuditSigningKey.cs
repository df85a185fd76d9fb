using System.Security.Cryptography;
using System.Text;
using Governance.Audit.Offline.Checkpoints;
using Governance.Installation.Security;
using NSec.Cryptography;

namespace Governance.Api.Composition;

/// <summary>
/// The audit key, read from its PEM file: Ed25519, created there (0600) on first run; an ECDSA P-256 key
/// made before ADR-023 keeps signing until it is retired (docs/audit-keys.md).
/// </summary>
public static class AuditSigningKey
{
    public static CheckpointSigner LoadOrCreate(string path, string origin)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            using var fresh = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
            OwnerOnlyFile.CreateIfMissing(path, fresh.Export(KeyBlobFormat.PkixPrivateKeyText));
        }

        var pem = File.ReadAllBytes(path);
        if (Key.TryImport(SignatureAlgorithm.Ed25519, pem, KeyBlobFormat.PkixPrivateKeyText, out var ed25519) && ed25519 is not null)
        {
            return new CheckpointSigner(ed25519, origin);
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(Encoding.ASCII.GetString(pem));
        return new CheckpointSigner(ecdsa);
    }

    /// <summary>The public keys a deployment trusts besides its signing key: each file a PEM key (public or private) or a verifier key.</summary>
    public static IReadOnlyList<NoteVerifier> Retired(IEnumerable<string> files, string origin) =>
        [.. files.Select(file => NoteVerifiers.Parse(File.ReadAllText(file), origin))];

    /// <summary>Witness keys are signed-note verifier keys (type 0x04 cosignatures, or 0x01).</summary>
    public static IReadOnlyList<NoteVerifier> Witnesses(IEnumerable<string> verifierKeys) =>
        [.. verifierKeys.Select(NoteVerifiers.FromVerifierKey)];
}
