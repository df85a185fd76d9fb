using System.Text.Json.Serialization;
using Governance.Domain.Models;
using Governance.Inference.Runtime;
using Governance.Inference.Tensors;

namespace Governance.Inference.Protocol;

/// <summary>
/// GET /v2/models/{name}[/versions/{version}]: the protocol's model metadata plus our extension
/// "execution_provider", which says where this model actually runs (CUDA or CPU).
/// </summary>
public sealed record ModelMetadata(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("versions")] IReadOnlyList<string> Versions,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("inputs")] IReadOnlyList<MetadataTensor> Inputs,
    [property: JsonPropertyName("outputs")] IReadOnlyList<MetadataTensor> Outputs,
    [property: JsonPropertyName("execution_provider")] string ExecutionProvider)
{
    /// <summary>The platform name Triton and KServe use for ONNX models run by ONNX Runtime.</summary>
    public const string OnnxPlatform = "onnxruntime_onnx";

    /// <summary>Metadata of a loaded model; <paramref name="versions"/> lists all its loaded versions or only the one asked for (default: its own).</summary>
    public static ModelMetadata From(IModelBackend model, IReadOnlyList<string>? versions = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var manifest = model.Manifest;
        return new ModelMetadata(
            manifest.Name,
            versions ?? [manifest.Version],
            OnnxPlatform,
            Describe(manifest.Inputs),
            Describe(manifest.Outputs),
            model.ExecutionProvider);
    }

    private static MetadataTensor[] Describe(IReadOnlyList<TensorSpec> specs)
    {
        var result = new MetadataTensor[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            result[i] = new MetadataTensor(specs[i].Name, DataTypes.ToWire(specs[i].DataType), specs[i].Shape);
        }

        return result;
    }
}

/// <summary>A tensor's name, wire datatype and shape (-1 for a dimension of any size).</summary>
public sealed record MetadataTensor(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("shape")] IReadOnlyList<long> Shape);
