using System.Text.Json;
using Governance.Domain.Models;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Inference.Protocol;
using Governance.Inference.Tensors;

namespace Governance.Api.Anonymization;

/// <summary>
/// The anonymization of one inference call: every string element of a BYTES input before the model
/// sees it, every string of a BYTES output before it leaves, and every string value of the request's
/// and the response's parameters (see <see cref="JsonStrings"/>). Not thread-safe; one per call.
/// </summary>
public sealed class TensorAnonymization
{
    /// <summary>The response parameter that lists what was anonymized (types and counts, never values).</summary>
    public const string ParameterName = "anonymized";

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
    public IReadOnlyList<AnonymizedCount> Anonymized => AnonymizedCount.ListOf(_counts);

    /// <summary>
    /// The request with its BYTES inputs anonymized (flat or nested data keeps its nesting), and the
    /// string values of its parameters, of each input's and of each requested output's.
    /// </summary>
    public InferenceRequest Request(InferenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_engine is null)
        {
            return request;
        }

        var changed = false;
        var inputs = new List<RequestInput>(request.Inputs.Count);
        foreach (var input in request.Inputs)
        {
            var rewritten = input;
            if (string.Equals(input.Datatype, BytesWire, StringComparison.Ordinal) && JsonStrings.TryRewriteData(input.Name, input.Data, _anonymizeElement, out var data))
            {
                rewritten = rewritten with { Data = data };
            }

            if (JsonStrings.TryRewriteParameters(input.Parameters, _anonymizeElement, out var inputParameters))
            {
                rewritten = rewritten with { Parameters = inputParameters };
            }

            changed |= !ReferenceEquals(rewritten, input);
            inputs.Add(rewritten);
        }

        var outputs = RequestedOutputs(request.Outputs, ref changed);
        var parametersChanged = JsonStrings.TryRewriteParameters(request.Parameters, _anonymizeElement, out var parameters);
        return changed || parametersChanged ? request with { Inputs = inputs, Outputs = outputs, Parameters = parameters } : request;
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
        if (JsonStrings.TryRewriteParameters(response.Parameters, _anonymizeElement, out var modelParameters))
        {
            response = response with { Parameters = modelParameters };
        }

        if (_counts.Count == 0)
        {
            return response;
        }

        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in response.Parameters ?? new Dictionary<string, JsonElement>())
        {
            parameters[key] = value;
        }

        parameters[ParameterName] = JsonSerializer.SerializeToElement(Anonymized);
        return response with { Parameters = parameters };
    }

    private NamedTensor AnonymizeTensor(NamedTensor tensor)
    {
        var source = tensor.GetData<string>();
        string[]? copy = null;
        for (var i = 0; i < source.Length; i++)
        {
            // A model output that is one number ("0.4789", "-1e+30": what Cast-to-string produces) is a computed
            // value, not text that may carry personal data; the phone recognizer must not turn it into <PHONE_NUMBER>.
            if (IsNumberLiteral(source[i]))
            {
                continue;
            }

            var text = Anonymize(source[i], out var changed);
            if (changed)
            {
                copy ??= (string[])source.Clone();
                copy[i] = text;
            }
        }

        return copy is null ? tensor : new NamedTensor(tensor.Name, tensor.DataType, tensor.Shape, copy);
    }

    private static bool IsNumberLiteral(string text) =>
        text.Length is > 0 and <= 64 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
        && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private string Anonymize(string text, out bool changed)
    {
        var result = _engine!.Anonymize(text, _operators!, _keys!);
        changed = result.Items.Count > 0;
        AnonymizedCount.Tally(_counts, result.Items);
        return result.Text;
    }

    private IReadOnlyList<RequestOutput>? RequestedOutputs(IReadOnlyList<RequestOutput>? outputs, ref bool changed)
    {
        if (outputs is null)
        {
            return null;
        }

        var list = new List<RequestOutput>(outputs.Count);
        foreach (var output in outputs)
        {
            var rewritten = JsonStrings.TryRewriteParameters(output.Parameters, _anonymizeElement, out var parameters)
                ? output with { Parameters = parameters }
                : output;
            changed |= !ReferenceEquals(rewritten, output);
            list.Add(rewritten);
        }

        return list;
    }
}
