using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Tensors;

namespace Governance.Inference.Protocol;

/// <summary>The model-independent checks of one input tensor, then decoding of its data.</summary>
internal static class RequestInputDecoding
{
    public static TensorDataType ParseDatatype(RequestInput input)
    {
        if (!DataTypes.TryParseWire(input.Datatype, out var type))
        {
            throw new InferenceInputException(input.Name, InferenceErrorCodes.UnknownDatatype,
                $"input '{input.Name}': unknown datatype '{Truncate(input.Datatype)}', expected one of {DataTypes.AllWireNames}");
        }

        return type;
    }

    /// <summary>A private copy of the shape, each dimension non-negative.</summary>
    public static long[] ParseShape(RequestInput input)
    {
        if (input.Shape is null || input.Shape.Count > TensorShape.MaxRank)
        {
            throw new InferenceInputException(input.Name, InferenceErrorCodes.InvalidShape,
                $"input '{input.Name}': 'shape' must be an array of at most {TensorShape.MaxRank} integers");
        }

        var shape = new long[input.Shape.Count];
        for (var i = 0; i < shape.Length; i++)
        {
            shape[i] = input.Shape[i];
            if (shape[i] < 0)
            {
                throw new InferenceInputException(input.Name, InferenceErrorCodes.InvalidShape,
                    $"input '{input.Name}': shape {TensorShape.Format(input.Shape)} has negative dimension {shape[i]}; dimensions must be >= 0");
            }
        }

        return shape;
    }

    public static int CountElements(string name, long[] shape)
    {
        var count = TensorShape.ElementCount(shape);
        if (count < 0)
        {
            throw new InferenceInputException(name, InferenceErrorCodes.TooLarge,
                $"input '{name}': shape {TensorShape.Format(shape)} has more than {TensorShape.MaxElements} elements");
        }

        return (int)count;
    }

    public static NamedTensor Decode(RequestInput input, TensorDataType type, long[] shape)
    {
        var count = CountElements(input.Name, shape);
        var data = JsonTensorDecoder.Decode(input.Name, type, shape, count, input.Data);
        return new NamedTensor(input.Name, type, shape, data);
    }

    private static string Truncate(string? text) =>
        text is null ? "null" : text.Length <= 32 ? text : string.Concat(text.AsSpan(0, 32), "...");
}
