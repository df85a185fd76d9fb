using System.Text.Json;
using Governance.Domain.Models;

namespace Governance.Inference.Tensors;

/// <summary>Writes a tensor's data as a flat row-major JSON array, numbers as numbers.</summary>
internal static class JsonTensorWriter
{
    // Dispatch on the datatype, never on the array's runtime type: the CLR lets uint[] pass as int[].
    public static void WriteData(Utf8JsonWriter writer, TensorDataType type, Array data)
    {
        writer.WriteStartArray();
        switch (type)
        {
            case TensorDataType.Fp32:
                foreach (var v in (float[])data) WriteFloat(writer, v);
                break;
            case TensorDataType.Fp64:
                foreach (var v in (double[])data) WriteFloat(writer, v);
                break;
            case TensorDataType.Fp16:
                foreach (var v in (Half[])data) WriteFloat(writer, (float)v);
                break;
            case TensorDataType.Int64:
                foreach (var v in (long[])data) writer.WriteNumberValue(v);
                break;
            case TensorDataType.Int32:
                foreach (var v in (int[])data) writer.WriteNumberValue(v);
                break;
            case TensorDataType.Int16:
                foreach (var v in (short[])data) writer.WriteNumberValue(v);
                break;
            case TensorDataType.Int8:
                foreach (var v in (sbyte[])data) writer.WriteNumberValue(v);
                break;
            case TensorDataType.Uint64:
                foreach (var v in (ulong[])data) writer.WriteNumberValue(v);
                break;
            case TensorDataType.Uint32:
                foreach (var v in (uint[])data) writer.WriteNumberValue(v);
                break;
            case TensorDataType.Uint16:
                foreach (var v in (ushort[])data) writer.WriteNumberValue(v);
                break;
            case TensorDataType.Uint8:
                foreach (var v in (byte[])data) writer.WriteNumberValue(v);
                break;
            case TensorDataType.Bool:
                foreach (var v in (bool[])data) writer.WriteBooleanValue(v);
                break;
            case TensorDataType.Bytes:
                foreach (var v in (string[])data) writer.WriteStringValue(v);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tensor datatype.");
        }

        writer.WriteEndArray();
    }

    // JSON has no NaN or infinity; the strings mirror what the decoder accepts.
    private static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? FloatLiterals.NaN
                : value > 0 ? FloatLiterals.PositiveInfinity : FloatLiterals.NegativeInfinity);
        }
    }

    private static void WriteFloat(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            WriteFloat(writer, (double)value);
        }
    }
}
