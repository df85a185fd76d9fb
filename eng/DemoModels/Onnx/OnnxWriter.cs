using Google.Protobuf;

namespace Governance.DemoModels.Onnx;

/// <summary>
/// Serialises <see cref="OnnxModel"/> to ONNX protobuf bytes by hand, because there is no protoc
/// here. Field numbers and wire types follow onnx.proto (proto2); fields are written in a fixed
/// order so that the same model always gives the same bytes.
/// </summary>
public static partial class OnnxWriter
{
    public static byte[] Serialize(OnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            WriteModel(output, model);
        }

        return buffer.ToArray();
    }

    private static void WriteModel(CodedOutputStream output, OnnxModel model)
    {
        WriteInt64(output, 1, model.IrVersion);
        WriteString(output, 2, model.ProducerName);
        if (model.DocString.Length > 0)
        {
            WriteString(output, 6, model.DocString);
        }

        WriteMessage(output, 7, model.Graph, WriteGraph);
        foreach (var opset in model.Opsets)
        {
            WriteMessage(output, 8, opset, WriteOpset);
        }
    }

    private static void WriteOpset(CodedOutputStream output, OnnxOpset opset)
    {
        WriteString(output, 1, opset.Domain);
        WriteInt64(output, 2, opset.Version);
    }

    private static void WriteGraph(CodedOutputStream output, OnnxGraph graph)
    {
        foreach (var node in graph.Nodes)
        {
            WriteMessage(output, 1, node, WriteNode);
        }

        WriteString(output, 2, graph.Name);
        foreach (var tensor in graph.Initializers)
        {
            WriteMessage(output, 5, tensor, WriteTensor);
        }

        foreach (var input in graph.Inputs)
        {
            WriteMessage(output, 11, input, WriteValueInfo);
        }

        foreach (var graphOutput in graph.Outputs)
        {
            WriteMessage(output, 12, graphOutput, WriteValueInfo);
        }
    }

    private static void WriteNode(CodedOutputStream output, OnnxNode node)
    {
        foreach (var input in node.Inputs)
        {
            WriteString(output, 1, input);
        }

        foreach (var nodeOutput in node.Outputs)
        {
            WriteString(output, 2, nodeOutput);
        }

        WriteString(output, 3, node.Name);
        WriteString(output, 4, node.OpType);
        foreach (var attribute in node.Attributes ?? [])
        {
            WriteMessage(output, 5, attribute, WriteAttribute);
        }
    }

    private static void WriteAttribute(CodedOutputStream output, OnnxAttribute attribute)
    {
        const int FloatType = 1;
        const int IntType = 2;
        WriteString(output, 1, attribute.Name);
        if (attribute.Float is { } f)
        {
            output.WriteTag(2, WireFormat.WireType.Fixed32);
            output.WriteFloat(f);
            WriteInt64(output, 20, FloatType);
        }
        else if (attribute.Int is { } i)
        {
            WriteInt64(output, 3, i);
            WriteInt64(output, 20, IntType);
        }
        else
        {
            throw new ArgumentException($"Attribute '{attribute.Name}' has no value.", nameof(attribute));
        }
    }

    private static void WriteTensor(CodedOutputStream output, OnnxTensor tensor)
    {
        // proto2 leaves "dims" unpacked: one tag per dimension.
        foreach (var dim in tensor.Dims)
        {
            WriteInt64(output, 1, dim);
        }

        WriteInt64(output, 2, (long)tensor.ElementType);
        WriteString(output, 8, tensor.Name);
        if (tensor.ExternalLocation is { } location)
        {
            const int External = 1;
            WriteMessage(output, 13, ("location", location), WriteEntry);
            WriteInt64(output, 14, External);
            return;
        }

        output.WriteTag(9, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(tensor.RawData));
    }

    private static void WriteEntry(CodedOutputStream output, (string Key, string Value) entry)
    {
        WriteString(output, 1, entry.Key);
        WriteString(output, 2, entry.Value);
    }

    private static void WriteInt64(CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }

    private static void WriteString(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    // Nested messages are length-prefixed, so each is written to its own buffer first.
    private static void WriteMessage<T>(CodedOutputStream output, int field, T value, Action<CodedOutputStream, T> write)
    {
        using var buffer = new MemoryStream();
        using (var nested = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(nested, value);
        }

        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(UnsafeByteOperations.UnsafeWrap(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)));
    }
}
