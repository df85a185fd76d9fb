using Governance.Domain.Models;

namespace Governance.DemoModels.Onnx;

/// <summary>ONNX <c>TensorProto.DataType</c> values (onnx.proto); the numbers are the wire format.</summary>
public enum OnnxElementType
{
    Undefined = 0,
    Float = 1,
    Uint8 = 2,
    Int8 = 3,
    Uint16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    Uint32 = 12,
    Uint64 = 13,
}

public static class OnnxElementTypes
{
    /// <summary>The ONNX element type that carries an Open Inference Protocol datatype.</summary>
    public static OnnxElementType From(TensorDataType type) => type switch
    {
        TensorDataType.Bool => OnnxElementType.Bool,
        TensorDataType.Uint8 => OnnxElementType.Uint8,
        TensorDataType.Uint16 => OnnxElementType.Uint16,
        TensorDataType.Uint32 => OnnxElementType.Uint32,
        TensorDataType.Uint64 => OnnxElementType.Uint64,
        TensorDataType.Int8 => OnnxElementType.Int8,
        TensorDataType.Int16 => OnnxElementType.Int16,
        TensorDataType.Int32 => OnnxElementType.Int32,
        TensorDataType.Int64 => OnnxElementType.Int64,
        TensorDataType.Fp16 => OnnxElementType.Float16,
        TensorDataType.Fp32 => OnnxElementType.Float,
        TensorDataType.Fp64 => OnnxElementType.Double,
        TensorDataType.Bytes => OnnxElementType.String,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No ONNX element type for this datatype."),
    };
}
