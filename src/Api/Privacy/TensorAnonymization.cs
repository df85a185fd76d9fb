using System.Text.Json;
using Governance.Domain.Models;
using Governance.Domain.Privacy.Operators;
using Governance.Inference.Protocol;
using Governance.Inference.Tensors;

namespace Governance.Api.Privacy;

/// <summary>
/// The anonymization of one inference call: every string element of a BYTES input before the model
/// sees it, every string of a BYTES output before it leaves. Not thread-safe; one per call.
/// </summary>
public sealed class TensorAnonymization
{
    /// <summary>For models whose anonymization is turned off: everything passes through.</summary>
    public static readonly TensorAnonymization Off = new(null, null, null);

    private const string BytesWire = "BYTES";

    private readonly PiiEngine? _engine;
    private readonly OperatorSet? _operators;
    private readonly AnonymizationKeys? _keys;
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Func<string, (string Text, bool Changed)> _anonymizeElement;

    internal TensorAnonymization(PiiEngine? engine, OperatorSet? operators, AnonymizationKeys? keys)
    {
        _engine = engine;
        _operators = operators;
        _keys = keys;
        _anonymizeElement = text => (Anonymize(text, out var changed), changed);
    }

    /// <summary>What was replaced so far, inputs and outputs together.</summary>
    public IReadOnlyList<AnonymizedCount> Anonymized => ModelInputAnonymizer.ToList(_counts);

    /// <summary>The request with its BYTES inputs anonymized; flat or nested data keeps its nesting.</summary>
    public InferenceRequest Request(InferenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_engine is null)
        {
            return request;
        }

        List<RequestInput>? inputs = null;
        for (var i = 0; i < request.Inputs.Count; i++)
        {
            var input = request.Inputs[i];
            if (!string.Equals(input.Datatype, BytesWire, StringComparison.Ordinal) || !BytesJson.TryRewrite(input.Name, input.Data, _anonymizeElement, out var data))
            {
                inputs?.Add(input);
                continue;
            }

            inputs ??= CopyOf(request.Inputs, i);
            inputs.Add(input with { Data = data });
        }

        return inputs is null ? request : request with { Inputs = inputs };
    }

    /// <summary>The response with its BYTES outputs anonymized, and "anonymized" in its parameters when anything was.</summary>
    public InferenceResponse Response(InferenceResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (_engine is null)
        {
            return response;
        }

        var outputs = new List<NamedTensor>(response.Outputs.Count);
        foreach (var output in response.Outputs)
        {
            outputs.Add(output.DataType == TensorDataType.Bytes ? AnonymizeTensor(output) : output);
        }

        response = response with { Outputs = outputs };
        if (_counts.Count == 0)
        {
            return response;
        }

        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in response.Parameters ?? new Dictionary<string, JsonElement>())
        {
            parameters[key] = value;
        }

        parameters[TensorAnonymizer.ParameterName] = JsonSerializer.SerializeToElement(Anonymized);
        return response with { Parameters = parameters };
    }

    private NamedTensor AnonymizeTensor(NamedTensor tensor)
    {
        var source = tensor.GetData<string>();
        string[]? copy = null;
        for (var i = 0; i < source.Length; i++)
        {
            var text = Anonymize(source[i], out var changed);
            if (changed)
            {
                copy ??= (string[])source.Clone();
                copy[i] = text;
            }
        }

        return copy is null ? tensor : new NamedTensor(tensor.Name, tensor.DataType, tensor.Shape, copy);
    }

    private string Anonymize(string text, out bool changed)
    {
        var result = _engine!.Anonymize(text, _operators!, _keys!);
        changed = result.Items.Count > 0;
        ModelInputAnonymizer.AddCounts(_counts, result.Items);
        return result.Text;
    }

    private static List<RequestInput> CopyOf(IReadOnlyList<RequestInput> inputs, int count)
    {
        var list = new List<RequestInput>(inputs.Count);
        for (var i = 0; i < count; i++)
        {
            list.Add(inputs[i]);
        }

        return list;
    }
}
