using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Governance.Inference.Tensors;

namespace Governance.Inference.Protocol;

/// <summary>
/// Reads a request that uses the binary tensor data extension: a JSON header of
/// <c>Inference-Header-Content-Length</c> bytes, then each binary input's bytes in input order.
/// Binary inputs are turned into ordinary JSON data here, so anonymization, policy and the audit
/// digests see one request form whichever way the client sent it.
/// </summary>
public static class BinaryRequestReader
{
    public const string BinaryDataSize = "binary_data_size";

    public static InferenceRequest Read(ReadOnlySpan<byte> body, long headerLength)
    {
        if (headerLength < 0 || headerLength > body.Length)
        {
            throw ProtocolReader.Malformed("",
                $"Inference-Header-Content-Length is {headerLength.ToString(CultureInfo.InvariantCulture)} but the body has {body.Length} bytes");
        }

        var request = OipJson.ParseRequest(body[..(int)headerLength]);
        var binary = body[(int)headerLength..];
        var inputs = new RequestInput[request.Inputs.Count];
        var offset = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = Bind(request.Inputs[i], binary, ref offset);
        }

        if (offset != binary.Length)
        {
            throw ProtocolReader.Malformed("",
                $"the body has {binary.Length - offset} bytes after the JSON header that no input's binary_data_size accounts for");
        }

        return request with { Inputs = inputs };
    }

    private static RequestInput Bind(RequestInput input, ReadOnlySpan<byte> binary, ref int offset)
    {
        if (input.Parameters is null || !input.Parameters.TryGetValue(BinaryDataSize, out var sizeElement))
        {
            return input;
        }

        if (sizeElement.ValueKind != JsonValueKind.Number || !sizeElement.TryGetInt64(out var size) || size < 0)
        {
            throw ProtocolReader.Malformed(input.Name, $"input '{input.Name}': binary_data_size must be a non-negative integer");
        }

        if (input.Data.ValueKind != JsonValueKind.Undefined)
        {
            throw ProtocolReader.Malformed(input.Name, $"input '{input.Name}': has both 'data' and binary_data_size; send one");
        }

        if (size > binary.Length - offset)
        {
            throw ProtocolReader.Malformed(input.Name,
                $"input '{input.Name}': binary_data_size is {size} but only {binary.Length - offset} binary bytes remain");
        }

        var type = RequestInputDecoding.ParseDatatype(input);
        var count = RequestInputDecoding.CountElements(input.Name, RequestInputDecoding.ParseShape(input));
        var data = BinaryTensorCodec.Decode(input.Name, type, count, binary.Slice(offset, (int)size));
        offset += (int)size;
        return input with { Data = ToJson(type, data), Parameters = Without(input.Parameters, BinaryDataSize) };
    }

    private static JsonElement ToJson(Domain.Models.TensorDataType type, Array data)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonTensorWriter.WriteData(writer, type, data);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static Dictionary<string, JsonElement>? Without(IReadOnlyDictionary<string, JsonElement> parameters, string key)
    {
        if (parameters.Count == 1)
        {
            return null;
        }

        var result = new Dictionary<string, JsonElement>(parameters.Count - 1, StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (!string.Equals(name, key, StringComparison.Ordinal))
            {
                result[name] = value;
            }
        }

        return result;
    }
}
