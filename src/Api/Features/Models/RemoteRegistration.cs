using System.Text;
using Governance.Api.Errors;
using Governance.Api.ModelStore;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Remote;
using Governance.Inference.Runtime;

namespace Governance.Api.Features.Models;

/// <summary>
/// Registering a version that a remote backend computes. The backend must know the model and describe it as the
/// manifest does (its /v2 metadata is checked with the same rules as a local graph), so a typo in the URL or
/// model name is a 400 now rather than a 503 on every call later. There is no file to fingerprint: the
/// version's digest (and size) is that of its stored manifest, which fixes the backend URL, model and signature
/// that audit entries refer to (ADR-030).
/// </summary>
internal static class RemoteRegistration
{
    public static string Digest(ModelManifest manifest) => ModelLoader.ComputeSha256(Encoding.UTF8.GetBytes(ManifestJson.Serialize(manifest)));

    /// <summary>The size of what the digest covers: the stored manifest's UTF-8 bytes.</summary>
    public static long Size(ModelManifest manifest) => Encoding.UTF8.GetByteCount(ManifestJson.Serialize(manifest));

    public static async Task VerifyAsync(RemoteModel remote, CancellationToken ct)
    {
        ModelSignature signature;
        try
        {
            signature = await remote.ProbeSignatureAsync(ct);
        }
        catch (ModelBackendException ex)
        {
            throw new BadInputException(ErrorCodes.InvalidModel, "The remote backend could not confirm the model: " + ex.Message);
        }

        try
        {
            ManifestCheck.Verify(remote.Manifest, signature);
        }
        catch (ModelManifestMismatchException ex)
        {
            throw new BadInputException(ErrorCodes.InvalidModel, $"The manifest does not match the model at {remote.Backend}: {ex.Message}");
        }
    }
}
