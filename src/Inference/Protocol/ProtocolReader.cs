using System.Text.Json;
using Governance.Inference.Errors;
using Governance.Inference.Tensors;

namespace Governance.Inference.Protocol;

/// <summary>
/// Reads the protocol's JSON objects by hand rather than by reflection, so that every way a client
/// can get them wrong ends in an <see cref="InferenceInputException"/> naming the tensor.
/// </summary>
internal static class ProtocolReader
{
    private static readonly string[] RequestFields = ["inputs", "outputs", "parameters", "id"];

    public static InferenceRequest ReadRequest(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("", $"the request must be a JSON object, got {JsonTensorDecoder.Describe(root)}");
        }

        var slots = new JsonElement[RequestFields.Length];
        if (JsonText.Collect(root, RequestFields, slots) is { } duplicate)
        {
            throw Malformed("", $"the request has property '{duplicate}' twice");
        }

        var (inputs, outputs, parameters, id) = (slots[0], slots[1], slots[2], slots[3]);
        if (inputs.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("", "the request must have an 'inputs' array");
        }

        string? requestId = null;
        if (id.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null) && !JsonText.TryGetString(id, out requestId))
        {
            throw Malformed("", "the request's 'id' must be a string");
        }

        var requestInputs = new RequestInput[inputs.GetArrayLength()];
        var index = 0;
        foreach (var input in inputs.EnumerateArray())
        {
            requestInputs[index] = RequestInputReader.Read(input, index);
            index++;
        }

        return new InferenceRequest(
            requestInputs,
            requestId,
            ReadOutputs(outputs),
            ReadParameters(parameters, "", "the request"));
    }

    private static RequestOutput[]? ReadOutputs(JsonElement outputs)
    {
        if (outputs.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (outputs.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("", "the request's 'outputs' must be an array");
        }

        var result = new RequestOutput[outputs.GetArrayLength()];
        var i = 0;
        foreach (var output in outputs.EnumerateArray())
        {
            if (output.ValueKind != JsonValueKind.Object
                || !output.TryGetProperty("name", out var name)
                || !JsonText.TryGetString(name, out var outputName)
                || outputName.Length == 0)
            {
                throw Malformed("", $"outputs[{i}] must be an object with a non-empty string 'name'");
            }

            output.TryGetProperty("parameters", out var parameters);
            result[i++] = new RequestOutput(outputName, ReadParameters(parameters, outputName, $"output '{outputName}'"));
        }

        return result;
    }

    internal static Dictionary<string, JsonElement>? ReadParameters(JsonElement parameters, string tensorName, string owner)
    {
        if (parameters.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(tensorName, $"{owner}: 'parameters' must be a JSON object");
        }

        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var parameter in parameters.EnumerateObject())
        {
            if (!JsonText.TryGetName(parameter, out var key) || !result.TryAdd(key, parameter.Value))
            {
                throw Malformed(tensorName, $"{owner}: parameter names must be valid and unique");
            }
        }

        return result;
    }

    internal static InferenceInputException Malformed(string tensorName, string message) =>
        new(tensorName, InferenceErrorCodes.MalformedRequest, message);
}
