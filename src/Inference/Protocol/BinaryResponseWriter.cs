using System.Buffers;
using System.Text.Json;
using Governance.Inference.Tensors;

namespace Governance.Inference.Protocol;

/// <summary>
/// Writes a response with the binary tensor data extension: outputs the client asked for as binary
/// (<c>binary_data</c> on the output, or <c>binary_data_output</c> on the request) carry
/// <c>binary_data_size</c> instead of <c>data</c>, and their bytes follow the JSON in output order.
/// </summary>
public static class BinaryResponseWriter
{
    public const string BinaryData = "binary_data";
    public const string BinaryDataOutput = "binary_data_output";

    /// <summary>Which outputs of <paramref name="response"/> go as binary; null when none do (a plain JSON answer).</summary>
    public static bool[]? BinaryOutputs(InferenceRequest request, InferenceResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var all = IsTrue(request.Parameters, BinaryDataOutput);
        bool[]? binary = null;
        for (var i = 0; i < response.Outputs.Count; i++)
        {
            var wanted = all;
            if (FindRequested(request.Outputs, response.Outputs[i].Name) is { Parameters: { } parameters }
                && parameters.TryGetValue(BinaryData, out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                wanted = flag.ValueKind == JsonValueKind.True;
            }

            if (wanted)
            {
                binary ??= new bool[response.Outputs.Count];
                binary[i] = true;
            }
        }

        return binary;
    }

    /// <summary>The whole body; <paramref name="headerLength"/> is the JSON part's length.</summary>
    public static ReadOnlyMemory<byte> Write(InferenceResponse response, bool[] binary, out int headerLength)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(binary);
        var tensors = new ArrayBufferWriter<byte>();
        var sizes = new int[response.Outputs.Count];
        for (var i = 0; i < sizes.Length; i++)
        {
            if (binary[i])
            {
                sizes[i] = BinaryTensorCodec.Encode(response.Outputs[i].DataType, response.Outputs[i].Data, tensors);
            }
        }

        var body = new ArrayBufferWriter<byte>(tensors.WrittenCount + 1024);
        using (var writer = new Utf8JsonWriter(body))
        {
            WriteHeader(writer, response, binary, sizes);
        }

        headerLength = body.WrittenCount;
        body.Write(tensors.WrittenSpan);
        return body.WrittenMemory;
    }

    private static void WriteHeader(Utf8JsonWriter writer, InferenceResponse response, bool[] binary, int[] sizes)
    {
        writer.WriteStartObject();
        writer.WriteString("model_name", response.ModelName);
        if (response.ModelVersion is not null)
        {
            writer.WriteString("model_version", response.ModelVersion);
        }

        if (response.Id is not null)
        {
            writer.WriteString("id", response.Id);
        }

        InferenceRequestJsonConverter.WriteParameters(writer, response.Parameters);
        writer.WriteStartArray("outputs");
        for (var i = 0; i < sizes.Length; i++)
        {
            var output = response.Outputs[i];
            if (!binary[i])
            {
                JsonSerializer.Serialize(writer, output, OipJson.Options);
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("name", output.Name);
            writer.WriteStartArray("shape");
            foreach (var dim in output.Shape)
            {
                writer.WriteNumberValue(dim);
            }

            writer.WriteEndArray();
            writer.WriteString("datatype", DataTypes.ToWire(output.DataType));
            writer.WriteStartObject("parameters");
            writer.WriteNumber(BinaryRequestReader.BinaryDataSize, sizes[i]);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static RequestOutput? FindRequested(IReadOnlyList<RequestOutput>? outputs, string name)
    {
        if (outputs is null)
        {
            return null;
        }

        foreach (var output in outputs)
        {
            if (string.Equals(output.Name, name, StringComparison.Ordinal))
            {
                return output;
            }
        }

        return null;
    }

    private static bool IsTrue(IReadOnlyDictionary<string, JsonElement>? parameters, string key) =>
        parameters is not null && parameters.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.True;
}
