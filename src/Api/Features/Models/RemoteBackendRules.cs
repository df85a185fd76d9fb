using Governance.Domain.Models;

namespace Governance.Api.Features.Models;

/// <summary>What a manifest with a <c>backend</c> may say: the spec itself, and nothing that needs the model here.</summary>
internal static class RemoteBackendRules
{
    public static IEnumerable<string> Problems(ModelManifest manifest)
    {
        if (manifest.Backend is null)
        {
            yield break;
        }

        foreach (var problem in manifest.Backend.Problems())
        {
            yield return problem;
        }

        // Tokenizing, featurizing and batching run next to a local session; a remote backend does its own.
        if (manifest.IsRemote && (manifest.Encoder is not null || manifest.Featurizer is not null || manifest.Batching is not null))
        {
            yield return "A remote backend serves /v2 tensors only: encoder, featurizer and batching are the backend's own business.";
        }
    }
}
