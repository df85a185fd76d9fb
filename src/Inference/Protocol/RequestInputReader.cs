using System.Text.Json;
using Governance.Inference.Errors;
using Governance.Inference.Tensors;

namespace Governance.Inference.Protocol;

/// <summary>Reads one input tensor object; its data stays JSON until validated against the model.</summary>
internal static class RequestInputReader
{
    private static readonly string[] InputFields = ["name", "shape", "datatype", "data", "parameters"];

    public static RequestInput Read(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw ProtocolReader.Malformed("", $"inputs[{index}] must be a JSON object, got {JsonTensorDecoder.Describe(element)}");
        }

        var slots = new JsonElement[InputFields.Length];
        var duplicate = JsonText.Collect(element, InputFields, slots);
        var (name, shape, datatype, data, parameters) = (slots[0], slots[1], slots[2], slots[3], slots[4]);
        if (!JsonText.TryGetString(name, out var tensorName) || tensorName.Length == 0)
        {
            throw ProtocolReader.Malformed("", $"inputs[{index}]: 'name' must be a non-empty string");
        }

        if (duplicate is not null)
        {
            throw ProtocolReader.Malformed(tensorName, $"input '{tensorName}': property '{duplicate}' appears twice");
        }

        if (!JsonText.TryGetString(datatype, out var datatypeName))
        {
            throw new InferenceInputException(tensorName, InferenceErrorCodes.UnknownDatatype,
                $"input '{tensorName}': 'datatype' must be a string, one of {DataTypes.AllWireNames}");
        }

        return new RequestInput(tensorName, ReadShape(tensorName, shape), datatypeName, data,
            ProtocolReader.ReadParameters(parameters, tensorName, $"input '{tensorName}'"));
    }

    private static long[] ReadShape(string tensorName, JsonElement shape)
    {
        if (shape.ValueKind != JsonValueKind.Array || shape.GetArrayLength() > TensorShape.MaxRank)
        {
            throw new InferenceInputException(tensorName, InferenceErrorCodes.InvalidShape,
                $"input '{tensorName}': 'shape' must be an array of at most {TensorShape.MaxRank} integers");
        }

        var dims = new long[shape.GetArrayLength()];
        var i = 0;
        foreach (var dim in shape.EnumerateArray())
        {
            if (dim.ValueKind != JsonValueKind.Number || !dim.TryGetInt64(out dims[i]))
            {
                throw new InferenceInputException(tensorName, InferenceErrorCodes.InvalidShape,
                    $"input '{tensorName}': shape dimension {i} must be an integer, got {JsonTensorDecoder.Describe(dim)}");
            }

            i++;
        }

        return dims;
    }
}
