using System.Diagnostics.CodeAnalysis;
using Governance.Domain.Models;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Governance.Inference.Tensors;

/// <summary>One place that knows each datatype's wire name, ONNX Runtime element type and CLR element type.</summary>
public static class DataTypes
{
    // Indexed by TensorDataType; the enum's order is the protocol's table order.
    private static readonly string[] WireNames =
        ["BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32", "INT64", "FP16", "FP32", "FP64", "BYTES"];

    private static readonly TensorElementType[] OrtTypes =
    [
        TensorElementType.Bool, TensorElementType.UInt8, TensorElementType.UInt16, TensorElementType.UInt32,
        TensorElementType.UInt64, TensorElementType.Int8, TensorElementType.Int16, TensorElementType.Int32,
        TensorElementType.Int64, TensorElementType.Float16, TensorElementType.Float, TensorElementType.Double,
        TensorElementType.String,
    ];

    private static readonly Type[] ClrTypes =
    [
        typeof(bool), typeof(byte), typeof(ushort), typeof(uint), typeof(ulong), typeof(sbyte), typeof(short),
        typeof(int), typeof(long), typeof(Half), typeof(float), typeof(double), typeof(string),
    ];

    /// <summary>All wire names, for error messages.</summary>
    public static string AllWireNames { get; } = string.Join(", ", WireNames);

    /// <summary>The protocol's name: "FP32", "BYTES", ...</summary>
    public static string ToWire(TensorDataType type) => WireNames[Index(type)];

    /// <summary>Exact, case-sensitive match as the protocol requires.</summary>
    public static bool TryParseWire([NotNullWhen(true)] string? wire, out TensorDataType type)
    {
        for (var i = 0; i < WireNames.Length; i++)
        {
            if (string.Equals(WireNames[i], wire, StringComparison.Ordinal))
            {
                type = (TensorDataType)i;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static TensorElementType ToOrt(TensorDataType type) => OrtTypes[Index(type)];

    public static bool TryFromOrt(TensorElementType ortType, out TensorDataType type)
    {
        var i = Array.IndexOf(OrtTypes, ortType);
        type = i < 0 ? default : (TensorDataType)i;
        return i >= 0;
    }

    /// <summary>The element type a tensor's data array holds: float for FP32, Half for FP16, string for BYTES.</summary>
    public static Type ClrElementType(TensorDataType type) => ClrTypes[Index(type)];

    public static bool TryFromClr(Type elementType, out TensorDataType type)
    {
        var i = Array.IndexOf(ClrTypes, elementType);
        type = i < 0 ? default : (TensorDataType)i;
        return i >= 0;
    }

    private static int Index(TensorDataType type)
    {
        var i = (int)type;
        if ((uint)i >= (uint)WireNames.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tensor datatype.");
        }

        return i;
    }
}
