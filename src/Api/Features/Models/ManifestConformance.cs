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
    public static void Check(ModelManifest manifest, byte[] onnx)
    {
        ModelSignature signature;
        try
        {
            signature = ModelLoader.Inspect(onnx);
        }
        catch (InvalidModelException ex)
        {
            throw new BadInputException(ErrorCodes.InvalidModel, "The file is not an ONNX model ONNX Runtime can load: " + ex.Message);
        }
        catch (ModelExternalDataException ex)
        {
            throw new BadInputException(ErrorCodes.ModelExternalData, ex.Message);
        }

        try
        {
            ManifestCheck.Verify(manifest, signature);
        }
        catch (ModelManifestMismatchException ex)
        {
            throw new BadInputException(ErrorCodes.InvalidModel, "The manifest does not match the model: " + ex.Message);
        }
    }
}
