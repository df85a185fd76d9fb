using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Runtime;

/// <summary>The tensors an ONNX graph declares, as the platform's <see cref="TensorSpec"/>s (-1 for a symbolic dimension).</summary>
public sealed record ModelSignature(IReadOnlyList<TensorSpec> Inputs, IReadOnlyList<TensorSpec> Outputs)
{
    internal static ModelSignature Of(InferenceSession session) => new(
        Specs("input", session.InputNames, session.InputMetadata),
        Specs("output", session.OutputNames, session.OutputMetadata));

    private static TensorSpec[] Specs(string role, IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata)
    {
        var specs = new TensorSpec[names.Count];
        for (var i = 0; i < specs.Length; i++)
        {
            var name = names[i];
            var node = metadata[name];
            if (!node.IsTensor)
            {
                throw new InvalidModelException($"{role} '{name}' is a {node.OnnxValueType}; only tensors can be served");
            }

            if (!DataTypes.TryFromOrt(node.ElementDataType, out var type))
            {
                throw new InvalidModelException($"{role} '{name}' has element type {node.ElementDataType}, which the protocol cannot carry");
            }

            var shape = new long[node.Dimensions.Length];
            for (var d = 0; d < shape.Length; d++)
            {
                shape[d] = node.Dimensions[d] < 0 ? -1 : node.Dimensions[d];
            }

            specs[i] = new TensorSpec(name, type, shape);
        }

        return specs;
    }
}
