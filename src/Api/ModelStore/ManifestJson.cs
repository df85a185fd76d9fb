using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Api.ModelStore;

/// <summary>
/// How manifests are read and written: camelCase members, datatypes by their Open Inference Protocol
/// names ("FP32", "INT64", ...; other casings accepted when reading).
/// </summary>
public static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The stored form of a manifest (and, for a remote-backed version, what its digest is over).</summary>
    public static string Serialize(Domain.Models.ModelManifest manifest) => JsonSerializer.Serialize(manifest, Options);
}
