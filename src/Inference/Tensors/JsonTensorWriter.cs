using System.Text.Json;

namespace Governance.Inference.Tensors;

/// <summary>Writes a tensor's data as a flat row-major JSON array, numbers as numbers.</summary>
internal static class JsonTensorWriter
{
    public static void WriteData(Utf8JsonWriter writer, Array data)
    {
        writer.WriteStartArray();
        switch (data)
        {
            case float[] values:
                foreach (var v in values)
                {
                    WriteFloat(writer, v);
                }

                break;
            case double[] values:
                foreach (var v in values)
                {
                    WriteFloat(writer, v);
                }

                break;
            case Half[] values:
                foreach (var v in values)
                {
                    WriteFloat(writer, (float)v);
                }

                break;
            case long[] values:
                foreach (var v in values)
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case int[] values:
                foreach (var v in values)
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case bool[] values:
                foreach (var v in values)
                {
                    writer.WriteBooleanValue(v);
                }

                break;
            case string[] values:
                foreach (var v in values)
                {
                    writer.WriteStringValue(v);
                }

                break;
            default:
                WriteSmallIntegers(writer, data);
                break;
        }

        writer.WriteEndArray();
    }

    private static void WriteSmallIntegers(Utf8JsonWriter writer, Array data)
    {
        switch (data)
        {
            case byte[] values:
                foreach (var v in values)
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case sbyte[] values:
                foreach (var v in values)
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case short[] values:
                foreach (var v in values)
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case ushort[] values:
                foreach (var v in values)
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case uint[] values:
                foreach (var v in values)
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case ulong[] values:
                foreach (var v in values)
                {
                    writer.WriteNumberValue(v);
                }

                break;
            default:
                throw new ArgumentException($"Cannot write {data.GetType().Name} as tensor data.", nameof(data));
        }
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
