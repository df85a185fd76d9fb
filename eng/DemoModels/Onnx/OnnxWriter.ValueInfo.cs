using Google.Protobuf;

namespace Governance.DemoModels.Onnx;

/// <summary>ValueInfoProto and the type and shape messages nested in it.</summary>
public static partial class OnnxWriter
{
    private static void WriteValueInfo(CodedOutputStream output, OnnxValueInfo info)
    {
        WriteString(output, 1, info.Name);
        WriteMessage(output, 2, info, WriteTypeProto);
    }

    private static void WriteTypeProto(CodedOutputStream output, OnnxValueInfo info) =>
        WriteMessage(output, 1, info, WriteTensorType);

    private static void WriteTensorType(CodedOutputStream output, OnnxValueInfo info)
    {
        WriteInt64(output, 1, (long)info.ElementType);
        WriteMessage(output, 2, info.Shape, WriteShape);
    }

    private static void WriteShape(CodedOutputStream output, IReadOnlyList<long> shape)
    {
        for (var i = 0; i < shape.Count; i++)
        {
            WriteMessage(output, 1, (Index: i, Size: shape[i]), WriteDimension);
        }
    }

    private static void WriteDimension(CodedOutputStream output, (int Index, long Size) dim)
    {
        if (dim.Size >= 0)
        {
            WriteInt64(output, 1, dim.Size);
        }
        else
        {
            // Distinct names: a shared symbol would tell the runtime that the dimensions are equal.
            WriteString(output, 2, dim.Index == 0 ? "N" : $"d{dim.Index}");
        }
    }
}
