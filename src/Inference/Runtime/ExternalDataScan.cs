using Governance.Inference.Errors;

namespace Governance.Inference.Runtime;

/// <summary>
/// Finds tensors whose data lives outside the ONNX file (<c>data_location = EXTERNAL</c> or an
/// <c>external_data</c> entry). ONNX Runtime resolves such a <c>location</c> against the process's
/// working directory when a model is loaded from bytes, so a model could read any file the server
/// can (a signing key, say) and return it as an initializer. The platform refuses them all
/// (docs/security.md); this walk reads only the messages that can hold a tensor, per onnx.proto.
/// </summary>
public static class ExternalDataScan
{
    private const int MaxDepth = 64;

    /// <exception cref="ModelExternalDataException">A tensor refers to data outside the file.</exception>
    /// <exception cref="InvalidModelException">The bytes are not a well-formed protobuf message.</exception>
    public static void Refuse(ReadOnlySpan<byte> onnx)
    {
        if (Find(onnx) is { } tensor)
        {
            throw new ModelExternalDataException(
                $"Tensor '{tensor}' keeps its data outside the model file (ONNX external data); models must carry all their data inline.");
        }
    }

    /// <summary>The name of the first tensor with external data, or null when there is none.</summary>
    public static string? Find(ReadOnlySpan<byte> onnx) => Walk(onnx, Message.Model, 0);

    private enum Message { Model, Graph, Node, Attribute, Tensor, SparseTensor, Function, TrainingInfo }

    private static string? Walk(ReadOnlySpan<byte> bytes, Message kind, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidModelException("The model nests graphs deeper than " + MaxDepth + " levels.");
        }

        var reader = new ProtoReader(bytes);
        string? name = null;
        var external = false;
        while (reader.Next(out var field, out var wireType, out var payload, out var varint))
        {
            if (kind == Message.Tensor)
            {
                external |= (field == 13 && wireType == 2) || (field == 14 && wireType == 0 && varint != 0);
                if (field == 8 && wireType == 2)
                {
                    name = System.Text.Encoding.UTF8.GetString(payload);
                }

                continue;
            }

            if (wireType != 2 || Child(kind, field) is not { } child)
            {
                continue;
            }

            if (Walk(payload, child, depth + 1) is { } found)
            {
                return found;
            }
        }

        return external ? name ?? "(unnamed)" : null;
    }

    // Which length-delimited fields hold a message that can contain a tensor (onnx.proto numbering).
    private static Message? Child(Message parent, int field) => (parent, field) switch
    {
        (Message.Model, 7) => Message.Graph,
        (Message.Model, 20) => Message.TrainingInfo,
        (Message.Model, 25) => Message.Function,
        (Message.Graph, 1) => Message.Node,
        (Message.Graph, 5) => Message.Tensor,
        (Message.Graph, 15) => Message.SparseTensor,
        (Message.Node, 5) => Message.Attribute,
        (Message.Attribute, 5 or 10) => Message.Tensor,
        (Message.Attribute, 6 or 11) => Message.Graph,
        (Message.Attribute, 22 or 23) => Message.SparseTensor,
        (Message.SparseTensor, 1 or 2) => Message.Tensor,
        (Message.Function, 7) => Message.Node,
        (Message.Function, 11) => Message.Attribute,
        (Message.TrainingInfo, 1 or 2) => Message.Graph,
        _ => null,
    };
}
