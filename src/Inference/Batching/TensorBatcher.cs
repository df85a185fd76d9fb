using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;
using Governance.Inference.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Batching;

/// <summary>An answer and how many session runs it cost this caller: 1 alone or for a batch's first caller, else 0.</summary>
public sealed record TensorRun(InferenceResponse Response, int Executions);

/// <summary>
/// Open Inference Protocol requests on one model version, batched when its manifest opts in (ADR-032): each request is
/// bound (validated and decoded) first, so a bad one fails alone before it can join a batch; requests whose other
/// dimensions and requested outputs agree wait in one <see cref="DynamicBatcher{TItem, TResult}"/> per such group,
/// are joined along dimension 0, run once, and get back their own rows of every output. A request of
/// <see cref="BatchingSpec.MaxBatchSize"/> rows or more, or of none, runs alone.
/// </summary>
public sealed class TensorBatcher
{
    /// <summary>Shape groups kept per model; requests of a further shape run alone, so clients cannot grow memory without bound.</summary>
    public const int MaxGroups = 64;

    private readonly LoadedModel _model;
    private readonly BatchingSpec? _spec;
    private readonly ConcurrentDictionary<string, DynamicBatcher<ValidatedRequest, Outcome>> _groups = new(StringComparer.Ordinal);

    public TensorBatcher(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _spec = model.Manifest.Batching is { } spec && !Problems(model.Manifest).Any() ? spec : null;
    }

    /// <summary>Whether requests can share runs: the manifest opts in and its tensors all have a batch dimension.</summary>
    public bool Batches => _spec is not null;

    /// <summary>Why a manifest that opts into batching cannot batch its tensors; empty when it can.</summary>
    public static IEnumerable<string> Problems(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Batching is null)
        {
            yield break;
        }

        foreach (var tensor in manifest.Inputs.Concat(manifest.Outputs))
        {
            if (tensor.Shape.Count == 0 || tensor.Shape[0] != -1)
            {
                yield return $"Batching joins requests along dimension 0, so every input and output needs it as its batch dimension (-1); '{tensor.Name}' is {TensorShape.Format(tensor.Shape)}.";
            }
        }
    }

    /// <summary>Binds <paramref name="request"/> to the model and runs it, in a batch where it can join one.</summary>
    /// <exception cref="InferenceInputException">The request does not fit the model, or the model refused its values.</exception>
    public async Task<TensorRun> RunAsync(InferenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validated = InferenceRequestBinder.Bind(request, _model.Manifest);
        var rows = _spec is null ? -1 : TensorConcat.SharedRows(validated.Inputs);
        var group = rows > 0 && rows < _spec!.MaxBatchSize ? GroupOf(validated) : null;
        if (group is null)
        {
            return new TensorRun(Respond(request, await _model.RunAsync(validated, cancellationToken).ConfigureAwait(false)), 1);
        }

        var outcome = await group.EnqueueAsync(validated, cancellationToken).ConfigureAwait(false);
        outcome.Error?.Throw();
        return new TensorRun(Respond(request, outcome.Outputs!), outcome.Executions);
    }

    private InferenceResponse Respond(InferenceRequest request, NamedTensor[] outputs) => new(_model.Name, _model.Version, request.Id, outputs);

    private DynamicBatcher<ValidatedRequest, Outcome>? GroupOf(ValidatedRequest validated)
    {
        var key = GroupKey(validated);
        if (_groups.TryGetValue(key, out var group))
        {
            return group;
        }

        return _groups.Count >= MaxGroups ? null
            : _groups.GetOrAdd(key, _ => new DynamicBatcher<ValidatedRequest, Outcome>(_spec!, RunBatch, static v => (int)v.Inputs[0].Shape[0]));
    }

    // Requests join only when every dimension but the first agrees (no padding: a model may not ignore it) and they
    // ask for the same outputs.
    private static string GroupKey(ValidatedRequest validated)
    {
        var key = new StringBuilder();
        foreach (var input in validated.Inputs)
        {
            for (var d = 1; d < input.Shape.Length; d++)
            {
                key.Append(input.Shape[d]).Append(',');
            }

            key.Append(';');
        }

        foreach (var output in validated.OutputNames)
        {
            key.Append(output.Length).Append(':').Append(output);
        }

        return key.ToString();
    }

    private Outcome[] RunBatch(IReadOnlyList<ValidatedRequest> batch)
    {
        if (batch.Count == 1)
        {
            return [RunAlone(batch[0])];
        }

        var parts = new IReadOnlyList<NamedTensor>[batch.Count];
        var rows = new int[batch.Count];
        for (var k = 0; k < parts.Length; k++)
        {
            parts[k] = batch[k].Inputs;
            rows[k] = (int)batch[k].Inputs[0].Shape[0];
        }

        var joined = new NamedTensor[parts[0].Count];
        for (var i = 0; i < joined.Length; i++)
        {
            joined[i] = TensorConcat.Join(parts, i);
        }

        NamedTensor[][]? split;
        try
        {
            split = TensorConcat.Split(_model.Run(new ValidatedRequest(joined, batch[0].OutputNames), CancellationToken.None), rows);
        }
        catch (Exception ex) when (ex is InferenceInputException or OnnxRuntimeException)
        {
            // Values one request carries (an index out of range, say) fail the joined run: rerun each alone, so only
            // that request fails.
            split = null;
        }

        if (split is null)
        {
            return RunEach(batch);
        }

        var outcomes = new Outcome[batch.Count];
        for (var k = 0; k < outcomes.Length; k++)
        {
            outcomes[k] = new Outcome(split[k], null, k == 0 ? 1 : 0);
        }

        return outcomes;
    }

    private Outcome[] RunEach(IReadOnlyList<ValidatedRequest> batch)
    {
        var outcomes = new Outcome[batch.Count];
        for (var k = 0; k < outcomes.Length; k++)
        {
            outcomes[k] = RunAlone(batch[k]);
        }

        return outcomes;
    }

    private Outcome RunAlone(ValidatedRequest validated)
    {
        try
        {
            return new Outcome(_model.Run(validated, CancellationToken.None), null, 1);
        }
        catch (Exception ex) when (ex is not ObjectDisposedException)
        {
            return new Outcome(null, ExceptionDispatchInfo.Capture(ex), 1);
        }
    }

    private sealed record Outcome(NamedTensor[]? Outputs, ExceptionDispatchInfo? Error, int Executions);
}
