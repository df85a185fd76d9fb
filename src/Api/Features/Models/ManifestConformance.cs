using Governance.Api.Errors;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Runtime;

namespace Governance.Api.Features.Models;

/// <summary>
/// Before anything is stored: the file must be an ONNX model ONNX Runtime can load, and the manifest
/// must describe its graph as it is (names, element types, shapes).
/// </summary>
public static class ManifestConformance
{
    /// <summary>Loads the model exactly as it will serve (same session options); every reason it cannot is a 400.</summary>
    public static LoadedModel Load(ModelLoader loader, ModelManifest manifest, byte[] onnx, string sha256, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loader);
        try
        {
            return loader.Load(onnx, sha256, manifest, ct);
        }
        catch (InvalidModelException ex)
        {
            throw new BadInputException(ErrorCodes.InvalidModel, "The file is not an ONNX model ONNX Runtime can load: " + ex.Message);
        }
        catch (ModelManifestMismatchException ex)
        {
            throw new BadInputException(ErrorCodes.InvalidModel, "The manifest does not match the model: " + ex.Message);
        }
        catch (ModelExternalDataException ex)
        {
            throw new BadInputException(ErrorCodes.ModelExternalData, ex.Message);
        }
    }
}
