using System.Text.Json;
using Governance.Domain.Models;
using Governance.Inference.Errors;

namespace Governance.Inference.Protocol;

/// <summary>
/// Text over the Open Inference Protocol for text models (an encoder, or a featurizer with labels): one BYTES input
/// named <see cref="Name"/>, shape [n] or [n, 1], one text per row, instead of the model's own tensors. The platform
/// then tokenizes or featurizes it, as the friendly endpoints do.
/// </summary>
public static class TextInput
{
    public const string Name = "text";

    /// <summary>The texts of a text request; false when the request sends the model's own tensors.</summary>
    /// <exception cref="InferenceInputException">The "text" input is not a BYTES [n] or [n, 1] list of strings.</exception>
    public static bool TryRead(InferenceRequest request, ModelManifest manifest, out string[] texts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(manifest);
        texts = [];
        var isTextModel = manifest.Encoder is not null || (manifest.Featurizer is not null && manifest.Labels.Count > 0);
        if (!isTextModel || request.Inputs is not [{ Name: Name } input] || manifest.Inputs.Any(i => i.Name == Name))
        {
            return false;
        }

        if (!string.Equals(input.Datatype, "BYTES", StringComparison.OrdinalIgnoreCase))
        {
            throw new InferenceInputException(Name, InferenceErrorCodes.DatatypeMismatch, $"input '{Name}' must be BYTES (one text per row).");
        }

        if (input.Shape is not ([> 0] or [> 0, 1]))
        {
            throw new InferenceInputException(Name, InferenceErrorCodes.InvalidShape, $"input '{Name}' must have shape [n] or [n, 1] with n >= 1.");
        }

        var list = new List<string>((int)Math.Min(input.Shape[0], 4096));
        Collect(input.Data, list);
        if (list.Count != input.Shape[0])
        {
            throw new InferenceInputException(Name, InferenceErrorCodes.ElementCountMismatch,
                $"input '{Name}' has shape [{string.Join(", ", input.Shape)}] but {list.Count} texts.");
        }

        texts = [.. list];
        return true;
    }

    private static void Collect(JsonElement data, List<string> texts)
    {
        switch (data.ValueKind)
        {
            case JsonValueKind.String:
                texts.Add(data.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in data.EnumerateArray())
                {
                    Collect(item, texts);
                }

                break;
            default:
                throw new InferenceInputException(Name, InferenceErrorCodes.InvalidElement, $"input '{Name}' must hold strings.");
        }
    }
}
