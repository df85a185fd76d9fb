using Governance.Api.ModelStore;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;
using Governance.Inference.Tensors;

namespace Governance.Api.Features.Inference;

/// <summary>
/// A BYTES "text" request on /v2 (<see cref="TextInput"/>), served like the friendly endpoints: an encoder answers
/// "embedding" FP32 [n, dimensions]; a classifier answers its first output, FP32 [n, labels] in the manifest's
/// label order, the tensor the model itself would have given for featurized rows.
/// </summary>
internal static class TextInference
{
    public const string EmbeddingOutput = "embedding";

    public static async Task<InferenceResponse> RunAsync(
        ModelCatalog catalog, LoadedModel model, InferenceRequest request, string[] texts, CancellationToken cancellationToken)
    {
        NamedTensor output;
        if (model.Manifest.Encoder is not null)
        {
            var encoder = catalog.TextEncoderFor(model);
            var vectors = (await encoder.EmbedAsync(texts, cancellationToken)).Vectors;
            var flat = new float[texts.Length * encoder.Dimensions];
            for (var i = 0; i < vectors.Count; i++)
            {
                vectors[i].CopyTo(flat, i * encoder.Dimensions);
            }

            output = NamedTensor.Create(EmbeddingOutput, flat, texts.Length, encoder.Dimensions);
        }
        else
        {
            var labels = model.Manifest.Labels;
            var classifier = catalog.TextClassifierFor(model);
            var scores = new float[texts.Length * labels.Count];
            for (var row = 0; row < texts.Length; row++)
            {
                foreach (var (label, score) in classifier.Predict(texts[row], cancellationToken))
                {
                    scores[(row * labels.Count) + IndexOf(labels, label)] = score;
                }
            }

            output = NamedTensor.Create(model.Manifest.Outputs[0].Name, scores, texts.Length, labels.Count);
        }

        return new InferenceResponse(model.Name, model.Version, request.Id, [output]);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The classifier answered label '{label}' that its manifest does not hold.");
    }
}
