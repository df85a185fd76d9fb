using Governance.DemoModels;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Tests.DemoModels;

/// <summary>Runs demo models in a real ONNX Runtime session; each model is built once per test run.</summary>
internal static class DemoModelRunner
{
    private static readonly Lazy<DemoModel> SupportIntentModel = new(DemoModelFactory.SupportIntentClassifier);
    private static readonly Lazy<DemoModel> CreditRiskModel = new(DemoModelFactory.CreditRiskScorer);

    public static DemoModel SupportIntent => SupportIntentModel.Value;

    public static DemoModel CreditRisk => CreditRiskModel.Value;

    /// <summary>Feeds one FP32 tensor of shape [rows, data.Length / rows] and returns the single output, flattened.</summary>
    public static float[] RunFp32(DemoModel model, float[] data, int rows)
    {
        using var session = new InferenceSession(model.OnnxBytes);
        using var input = OrtValue.CreateTensorValueFromMemory(data, [rows, data.Length / rows]);
        var inputName = model.Manifest.Inputs[0].Name;
        var outputName = model.Manifest.Outputs[0].Name;

        using var outputs = session.Run(new RunOptions(), new Dictionary<string, OrtValue> { [inputName] = input }, [outputName]);

        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
