using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Publishing;

namespace Governance.Api.Features.Audit;

/// <summary>
/// One audit key as an auditor pins it: <see cref="VerifierKey"/> is the signed-note text form
/// (<c>name+hash+base64(type || key)</c>), <see cref="PublicKeyPem"/> the SubjectPublicKeyInfo PEM,
/// <see cref="Use"/> "signing" (signs checkpoints now), "retired" (signed older ones) or "witness".
/// </summary>
public sealed record AuditKeyView(string Name, string Algorithm, string KeyId, string KeyHash, string VerifierKey, string PublicKeyPem, string Use)
{
    public static AuditKeyView Of(NoteVerifier key, string use) => new(
        key.Name, key.Algorithm, key.KeyId, Convert.ToHexStringLower(key.KeyHash), key.VerifierKey, key.PublicKeyPem, use);
}

/// <summary>The log's origin and every key a verifier of its checkpoints needs.</summary>
public sealed record AuditKeysView(string Origin, IReadOnlyList<AuditKeyView> Keys)
{
    public static AuditKeysView Of(string origin, AuditKeys keys) => new(origin,
    [
        AuditKeyView.Of(keys.Signing, "signing"),
        .. keys.Retired.Select(k => AuditKeyView.Of(k, "retired")),
        .. keys.Witnesses.Select(k => AuditKeyView.Of(k, "witness")),
    ]);
}
