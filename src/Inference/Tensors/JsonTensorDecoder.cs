using System.Globalization;
using System.Text.Json;
using Governance.Domain.Models;
using Governance.Inference.Errors;

namespace Governance.Inference.Tensors;

/// <summary>
/// Turns a protocol tensor's "data" (flat row-major, or nested exactly as the shape) into a typed
/// array, trusting nothing: every element's JSON kind and range is checked, the element count must
/// equal the shape's, and nothing is allocated until the JSON is known to hold that many elements.
/// </summary>
internal static class JsonTensorDecoder
{
    /// <summary>Decodes <paramref name="data"/>; <paramref name="count"/> is the shape's element count, already capped by <see cref="TensorShape.MaxElements"/>.</summary>
    public static Array Decode(string name, TensorDataType type, long[] shape, int count, JsonElement data) => type switch
    {
        TensorDataType.Bool => Decode<bool, BoolReader>(name, shape, count, data),
        TensorDataType.Uint8 => Decode<byte, UInt8Reader>(name, shape, count, data),
        TensorDataType.Uint16 => Decode<ushort, UInt16Reader>(name, shape, count, data),
        TensorDataType.Uint32 => Decode<uint, UInt32Reader>(name, shape, count, data),
        TensorDataType.Uint64 => Decode<ulong, UInt64Reader>(name, shape, count, data),
        TensorDataType.Int8 => Decode<sbyte, Int8Reader>(name, shape, count, data),
        TensorDataType.Int16 => Decode<short, Int16Reader>(name, shape, count, data),
        TensorDataType.Int32 => Decode<int, Int32Reader>(name, shape, count, data),
        TensorDataType.Int64 => Decode<long, Int64Reader>(name, shape, count, data),
        TensorDataType.Fp16 => Decode<Half, Fp16Reader>(name, shape, count, data),
        TensorDataType.Fp32 => Decode<float, Fp32Reader>(name, shape, count, data),
        TensorDataType.Fp64 => Decode<double, Fp64Reader>(name, shape, count, data),
        TensorDataType.Bytes => Decode<string, BytesReader>(name, shape, count, data),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tensor datatype."),
    };

    private static T[] Decode<T, TReader>(string name, long[] shape, int count, JsonElement data)
        where TReader : struct, IElementReader<T>
    {
        if (data.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw new InferenceInputException(name, InferenceErrorCodes.MissingData, $"input '{name}': data is missing or null");
        }

        if (data.ValueKind != JsonValueKind.Array)
        {
            // A rank-0 tensor may carry its one element bare; anything else must be an array.
            if (shape.Length != 0)
            {
                throw new InferenceInputException(name, InferenceErrorCodes.InvalidData, $"input '{name}': data must be a JSON array, got {Describe(data)}");
            }

            var scalar = new T[1];
            Read<T, TReader>(name, data, 0, out scalar[0]);
            return scalar;
        }

        var length = data.GetArrayLength();
        var nested = shape.Length > 1 && length > 0 && data[0].ValueKind == JsonValueKind.Array;
        if (nested)
        {
            CheckNesting(name, data, shape, 0);
        }
        else if (length != count)
        {
            throw new InferenceInputException(name, InferenceErrorCodes.ElementCountMismatch,
                $"input '{name}': shape {TensorShape.Format(shape)} needs {count} elements, data has {length}");
        }

        var result = new T[count];
        var index = 0;
        Fill<T, TReader>(name, data, nested ? shape.Length - 1 : 0, result, ref index);
        return result;
    }

    private static void CheckNesting(string name, JsonElement element, long[] shape, int depth)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != shape[depth])
        {
            var got = element.ValueKind == JsonValueKind.Array
                ? element.GetArrayLength().ToString(CultureInfo.InvariantCulture) + " elements"
                : Describe(element);
            throw new InferenceInputException(name, InferenceErrorCodes.RaggedData,
                $"input '{name}': nested data does not match shape {TensorShape.Format(shape)}: expected {shape[depth]} elements at depth {depth}, got {got}");
        }

        if (depth + 1 < shape.Length)
        {
            foreach (var child in element.EnumerateArray())
            {
                CheckNesting(name, child, shape, depth + 1);
            }
        }
    }

    private static void Fill<T, TReader>(string name, JsonElement array, int levelsBelow, T[] result, ref int index)
        where TReader : struct, IElementReader<T>
    {
        foreach (var child in array.EnumerateArray())
        {
            if (levelsBelow > 0)
            {
                Fill<T, TReader>(name, child, levelsBelow - 1, result, ref index);
            }
            else
            {
                Read<T, TReader>(name, child, index, out result[index]);
                index++;
            }
        }
    }

    private static void Read<T, TReader>(string name, JsonElement element, int index, out T value)
        where TReader : struct, IElementReader<T>
    {
        if (!TReader.TryRead(element, out value))
        {
            throw new InferenceInputException(name, InferenceErrorCodes.InvalidElement,
                $"input '{name}': element {index} must be {TReader.Expected}, got {Describe(element)}");
        }
    }

    /// <summary>Names what the client sent without echoing an unbounded amount of it.</summary>
    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => Truncate(element.GetRawText()),
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static string Truncate(string raw) => raw.Length <= 40 ? raw : string.Concat(raw.AsSpan(0, 40), "...");
}
