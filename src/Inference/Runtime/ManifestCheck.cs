using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Tensors;

namespace Governance.Inference.Runtime;

/// <summary>
/// Refuses a model whose graph disagrees with its manifest, so that what clients read in the
/// metadata is what the session really accepts.
/// </summary>
public static class ManifestCheck
{
    public static void Verify(ModelManifest manifest, ModelSignature actual)
    {
        Compare("input", manifest.Inputs, actual.Inputs, strictFixedDims: true);

        // An output declared as any-size where the graph fixes it promises less, never more.
        Compare("output", manifest.Outputs, actual.Outputs, strictFixedDims: false);
    }

    private static void Compare(string role, IReadOnlyList<TensorSpec> declared, IReadOnlyList<TensorSpec> actual, bool strictFixedDims)
    {
        for (var i = 0; i < declared.Count; i++)
        {
            var spec = declared[i];
            var match = Find(actual, spec.Name);
            if (match is null)
            {
                throw new ModelManifestMismatchException(spec.Name,
                    $"{role} '{spec.Name}': declared in the manifest but the model has no such {role}");
            }

            if (IndexOf(declared, spec.Name) != i)
            {
                throw new ModelManifestMismatchException(spec.Name, $"{role} '{spec.Name}': declared twice in the manifest");
            }

            if (spec.DataType != match.DataType || !ShapesAgree(spec.Shape, match.Shape, strictFixedDims))
            {
                throw new ModelManifestMismatchException(spec.Name,
                    $"{role} '{spec.Name}': the manifest declares {TensorShape.Describe(spec)}, the model {TensorShape.Describe(match)}");
            }
        }

        for (var i = 0; i < actual.Count; i++)
        {
            if (IndexOf(declared, actual[i].Name) < 0)
            {
                throw new ModelManifestMismatchException(actual[i].Name,
                    $"{role} '{actual[i].Name}': the model has it ({TensorShape.Describe(actual[i])}) but the manifest does not declare it");
            }
        }
    }

    private static bool ShapesAgree(IReadOnlyList<long> declared, IReadOnlyList<long> actual, bool strictFixedDims)
    {
        if (declared.Count != actual.Count)
        {
            return false;
        }

        for (var d = 0; d < declared.Count; d++)
        {
            var fixedInModel = actual[d] >= 0;
            var agrees = declared[d] >= 0
                ? !fixedInModel || declared[d] == actual[d]
                : declared[d] == -1 && (!fixedInModel || !strictFixedDims);
            if (!agrees)
            {
                return false;
            }
        }

        return true;
    }

    private static TensorSpec? Find(IReadOnlyList<TensorSpec> specs, string name)
    {
        var i = IndexOf(specs, name);
        return i < 0 ? null : specs[i];
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
}
