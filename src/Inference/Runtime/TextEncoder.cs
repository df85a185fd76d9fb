using Governance.Domain.Models;
using Governance.Inference.Batching;
using Governance.Inference.Errors;
using Governance.Inference.Text;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Runtime;

/// <summary>Vectors for texts, and how many tokens the model read for them (truncation included).</summary>
public sealed record Embeddings(IReadOnlyList<float[]> Vectors, int TokenCount);

/// <summary>
/// Text in, one normalized vector per text out, for sentence encoders (a manifest with an encoder): WordPiece
/// ids, attention mask and token types as INT64 [rows, tokens] (right-padded to the longest row), one session
/// run, mean pooling of the first output's [rows, tokens, dimensions] states. With batching in the manifest,
/// rows of concurrent callers share runs through a <see cref="DynamicBatcher{TItem, TResult}"/>.
/// </summary>
public sealed class TextEncoder
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";

    private readonly LoadedModel _model;
    private readonly string[] _inputNames;
    private readonly string[] _outputName;
    private readonly bool _normalize;
    private readonly DynamicBatcher<int[], float[]>? _batcher;

    public TextEncoder(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = Problems(model.Manifest).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Model {model.Name} cannot serve embeddings: {string.Join(" ", problems)}", nameof(model));
        }

        var manifest = model.Manifest;
        _model = model;
        Tokenizer = new WordPieceTokenizer(manifest.Encoder!);
        _normalize = manifest.Encoder!.Normalize;
        _inputNames = [.. manifest.Inputs.Select(i => i.Name)];
        _outputName = [manifest.Outputs[0].Name];
        Dimensions = (int)manifest.Outputs[0].Shape[2];
        if (manifest.Batching is { } batching)
        {
            _batcher = new DynamicBatcher<int[], float[]>(batching, rows => Encode(rows, CancellationToken.None));
        }
    }

    public LoadedModel Model => _model;

    public WordPieceTokenizer Tokenizer { get; }

    public int Dimensions { get; }

    /// <summary>Batches run through the dynamic batcher; 0 where the manifest does not opt in.</summary>
    public long Batches => _batcher?.Batches ?? 0;

    /// <summary>Why a manifest's encoder cannot be served (its spec, and the tensors it needs), empty when it can.</summary>
    public static IEnumerable<string> Problems(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Encoder is null)
        {
            yield return "The manifest declares no encoder.";
            yield break;
        }

        foreach (var problem in manifest.Encoder.Problems())
        {
            yield return problem;
        }

        var names = manifest.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        if (!names.Contains(InputIds) || !names.Contains(AttentionMask)
            || !names.IsSubsetOf([InputIds, AttentionMask, TokenTypeIds])
            || manifest.Inputs.Any(i => i.DataType != TensorDataType.Int64 || i.Shape.Count != 2))
        {
            yield return $"An encoder takes INT64 [-1, -1] inputs {InputIds} and {AttentionMask} (and optionally {TokenTypeIds}), nothing else.";
        }

        if (manifest.Outputs.Count == 0 || manifest.Outputs[0] is not { DataType: TensorDataType.Fp32, Shape: [_, _, > 0] })
        {
            yield return "An encoder's first output is its FP32 [-1, -1, dimensions] token states.";
        }
    }

    /// <summary>Embeds every text; rows wait in the batcher when the model opts in, else run as this call's own batch.</summary>
    public async Task<Embeddings> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var rows = new int[texts.Count][];
        var tokens = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Tokenizer.Encode(texts[i]);
            tokens += rows[i].Length;
        }

        if (_batcher is null)
        {
            return new Embeddings(Encode(rows, cancellationToken), tokens);
        }

        var pending = new Task<float[]>[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            pending[i] = _batcher.EnqueueAsync(rows[i], cancellationToken);
        }

        return new Embeddings(await Task.WhenAll(pending).ConfigureAwait(false), tokens);
    }

    /// <summary>Runs rows of token ids ([CLS] ... [SEP]) in one session run; vector i belongs to row i.</summary>
    public float[][] Encode(IReadOnlyList<int[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var count = rows.Count;
        var width = 0;
        foreach (var row in rows)
        {
            width = Math.Max(width, row.Length);
        }

        var ids = new long[count * width];
        var mask = new long[count * width];
        for (var r = 0; r < count; r++)
        {
            var row = rows[r];
            for (var t = 0; t < row.Length; t++)
            {
                ids[(r * width) + t] = row[t];
                mask[(r * width) + t] = 1;
            }
        }

        var inputs = new OrtValue[_inputNames.Length];
        try
        {
            long[] shape = [count, width];
            for (var i = 0; i < inputs.Length; i++)
            {
                // BERT's padding id is 0 like its single segment's type id, so the types are a fresh zero buffer.
                var data = _inputNames[i] switch
                {
                    InputIds => ids,
                    AttentionMask => mask,
                    _ => new long[count * width],
                };
                inputs[i] = OrtValue.CreateTensorValueFromMemory(data, shape);
            }

            using var outputs = _model.RunValues(_inputNames, inputs, _outputName, cancellationToken);
            var states = outputs[0].GetTensorDataAsSpan<float>();
            if (states.Length != count * width * Dimensions)
            {
                throw new InvalidModelException(
                    $"Model {_model.Name} returned {states.Length} token-state values for [{count}, {width}, {Dimensions}].");
            }

            var vectors = new float[count][];
            for (var r = 0; r < count; r++)
            {
                vectors[r] = MeanPooling.Pool(states, r, width, Dimensions, rows[r].Length, _normalize);
            }

            return vectors;
        }
        finally
        {
            foreach (var input in inputs)
            {
                input?.Dispose();
            }
        }
    }
}
