using System.Buffers.Binary;

namespace Governance.DemoModels.Onnx;

/// <summary>The subset of ONNX's ModelProto that the demo models need; serialised by <see cref="OnnxWriter"/>.</summary>
public sealed record OnnxModel(
    long IrVersion,
    string ProducerName,
    IReadOnlyList<OnnxOpset> Opsets,
    OnnxGraph Graph,
    string DocString = "");

/// <summary>OperatorSetIdProto: the empty domain is the default "ai.onnx" operator set.</summary>
public sealed record OnnxOpset(string Domain, long Version);

public sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs);

public sealed record OnnxNode(
    string Name,
    string OpType,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute>? Attributes = null);

/// <summary>A node attribute holding a single int or float (all the demo graphs use).</summary>
public sealed record OnnxAttribute(string Name, long? Int = null, float? Float = null)
{
    public static OnnxAttribute Of(string name, long value) => new(name, Int: value);

    public static OnnxAttribute Of(string name, float value) => new(name, Float: value);
}

/// <summary>
/// A constant tensor. Numeric data travels in <c>raw_data</c> (fixed-width little-endian, as the
/// spec requires), which keeps the writer independent of the element type.
/// </summary>
public sealed record OnnxTensor(string Name, OnnxElementType ElementType, IReadOnlyList<long> Dims, byte[] RawData)
{
    /// <summary>
    /// When set, the tensor is written as ONNX external data (<c>data_location = EXTERNAL</c>) pointing
    /// at this path instead of carrying <see cref="RawData"/>: only tests use it, to craft hostile models.
    /// </summary>
    public string? ExternalLocation { get; init; }

    public static OnnxTensor FromFloats(string name, IReadOnlyList<long> dims, ReadOnlySpan<float> values)
    {
        var raw = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        }

        return new OnnxTensor(name, OnnxElementType.Float, dims, raw);
    }
}

/// <summary>A graph input or output. A dimension of -1 is written as a symbolic dimension.</summary>
public sealed record OnnxValueInfo(string Name, OnnxElementType ElementType, IReadOnlyList<long> Shape);
