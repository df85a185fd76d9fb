using System.Buffers;
using Governance.Domain.Models;
using Governance.Domain.Text;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Runtime;

/// <summary>A label and the model's score for it.</summary>
public readonly record struct LabelScore(string Label, float Score);

/// <summary>
/// Text in, ranked labels out, for models whose manifest declares a featurizer and labels: the
/// text is featurized into a pooled buffer and run as one [1, D] FP32 row, with no JSON in between.
/// </summary>
public sealed class TextClassifier
{
    private readonly LoadedModel _model;
    private readonly HashedTextFeaturizer _featurizer;
    private readonly string[] _labels;
    private readonly string[] _inputName;
    private readonly string[] _outputName;

    public TextClassifier(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var manifest = model.Manifest;
        if (manifest.Featurizer is null || manifest.Labels.Count == 0)
        {
            throw new ArgumentException($"Model {model.Name} declares no text featurizer or no labels.", nameof(model));
        }

        if (manifest.Inputs.Count != 1 || !IsFp32Rows(manifest.Inputs[0], manifest.Featurizer.Dimensions)
            || manifest.Outputs.Count == 0 || !IsFp32Rows(manifest.Outputs[0], manifest.Labels.Count))
        {
            throw new ArgumentException(
                $"Model {model.Name} must take one FP32 [-1, {manifest.Featurizer.Dimensions}] input and give FP32 [-1, {manifest.Labels.Count}] scores first.",
                nameof(model));
        }

        _model = model;
        _featurizer = new HashedTextFeaturizer(manifest.Featurizer);
        _labels = [.. manifest.Labels];
        _inputName = [manifest.Inputs[0].Name];
        _outputName = [manifest.Outputs[0].Name];
    }

    public LoadedModel Model => _model;

    /// <summary>Every label with its score, highest first.</summary>
    public IReadOnlyList<LabelScore> Predict(string text) => Predict(text, CancellationToken.None);

    /// <inheritdoc cref="Predict(string)"/>
    public IReadOnlyList<LabelScore> Predict(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dimensions = _featurizer.Dimensions;
        var features = ArrayPool<float>.Shared.Rent(dimensions);
        var scores = ArrayPool<float>.Shared.Rent(_labels.Length);
        try
        {
            _featurizer.Featurize(text, features.AsSpan(0, dimensions));
            int count;
            using (var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, features.AsMemory(0, dimensions), [1, dimensions]))
            {
                count = _model.RunFp32(_inputName, input, _outputName, scores.AsSpan(0, _labels.Length), cancellationToken);
            }

            var result = new LabelScore[count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = new LabelScore(_labels[i], scores[i]);
            }

            // Array.Sort is not stable; breaking ties by label keeps answers reproducible.
            Array.Sort(result, static (a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0
                ? byScore
                : string.CompareOrdinal(a.Label, b.Label));
            return result;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    private static bool IsFp32Rows(TensorSpec spec, int width) =>
        spec.DataType == TensorDataType.Fp32 && spec.Shape.Count == 2 && spec.Shape[0] is -1 or 1
        && (spec.Shape[1] == width || spec.Shape[1] == -1);
}
