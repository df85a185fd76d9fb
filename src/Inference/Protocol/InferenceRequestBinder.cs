using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Tensors;

namespace Governance.Inference.Protocol;

/// <summary>
/// Binds a client's request to the model's declared tensors: checks it and decodes its data in one
/// pass. Anything wrong is an <see cref="InferenceInputException"/> that names the tensor and what was
/// expected. (Named a binder, not a validator: it is no FluentValidation rule set and it produces the
/// decoded tensors.)
/// </summary>
public static class InferenceRequestBinder
{
    public static ValidatedRequest Bind(InferenceRequest request, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Bind(request, manifest.Inputs, manifest.Outputs);
    }

    public static ValidatedRequest Bind(InferenceRequest request, IReadOnlyList<TensorSpec> inputs, IReadOnlyList<TensorSpec> outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (request?.Inputs is null)
        {
            throw new InferenceInputException("", InferenceErrorCodes.MalformedRequest, "the request must have an 'inputs' array");
        }

        var tensors = new NamedTensor[inputs.Count];
        foreach (var input in request.Inputs)
        {
            if (input?.Name is not { Length: > 0 } name)
            {
                throw new InferenceInputException("", InferenceErrorCodes.MalformedRequest, "every input must have a non-empty name");
            }

            var slot = IndexOf(inputs, name);
            if (slot < 0)
            {
                throw new InferenceInputException(name, InferenceErrorCodes.UnknownInput,
                    $"input '{name}': the model has no such input; its inputs are {Names(inputs)}");
            }

            if (tensors[slot] is not null)
            {
                throw new InferenceInputException(name, InferenceErrorCodes.DuplicateInput, $"input '{name}': given more than once");
            }

            tensors[slot] = Check(input, inputs[slot]);
        }

        for (var i = 0; i < tensors.Length; i++)
        {
            if (tensors[i] is null)
            {
                throw new InferenceInputException(inputs[i].Name, InferenceErrorCodes.MissingInput,
                    $"input '{inputs[i].Name}': required ({TensorShape.Describe(inputs[i])}) but not given");
            }
        }

        return new ValidatedRequest(tensors, OutputNames(request.Outputs, outputs));
    }

    private static NamedTensor Check(RequestInput input, TensorSpec spec)
    {
        var type = RequestInputDecoding.ParseDatatype(input);
        if (type != spec.DataType)
        {
            throw new InferenceInputException(input.Name, InferenceErrorCodes.DatatypeMismatch,
                $"input '{input.Name}': expected datatype {DataTypes.ToWire(spec.DataType)}, got {input.Datatype}");
        }

        var shape = RequestInputDecoding.ParseShape(input);
        if (!TensorShape.Fits(spec.Shape, shape))
        {
            throw new InferenceInputException(input.Name, InferenceErrorCodes.ShapeMismatch,
                $"input '{input.Name}': expected shape {TensorShape.Format(spec.Shape)}, got {TensorShape.Format(shape)}");
        }

        return RequestInputDecoding.Decode(input, type, shape);
    }

    private static string[] OutputNames(IReadOnlyList<RequestOutput>? requested, IReadOnlyList<TensorSpec> outputs)
    {
        string[] names;
        if (requested is null || requested.Count == 0)
        {
            names = new string[outputs.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = outputs[i].Name;
            }

            return names;
        }

        names = new string[requested.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var name = requested[i]?.Name ?? "";
            if (IndexOf(outputs, name) < 0)
            {
                throw new InferenceInputException(name, InferenceErrorCodes.UnknownOutput,
                    $"output '{name}': the model has no such output; its outputs are {Names(outputs)}");
            }

            if (Array.IndexOf(names, name, 0, i) >= 0)
            {
                throw new InferenceInputException(name, InferenceErrorCodes.DuplicateOutput, $"output '{name}': requested more than once");
            }

            names[i] = name;
        }

        return names;
    }

    private static int IndexOf(IReadOnlyList<TensorSpec> specs, string name)
    {
        for (var i = 0; i < specs.Count; i++)
        {
            if (string.Equals(specs[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Names(IReadOnlyList<TensorSpec> specs)
    {
        var names = new string[specs.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = $"'{specs[i].Name}'";
        }

        return string.Join(", ", names);
    }
}
