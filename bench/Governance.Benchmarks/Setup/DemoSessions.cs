using Governance.DemoModels;
using Governance.Inference.ExecutionProviders;
using Governance.Inference.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Benchmarks.Setup;

/// <summary>
/// The two ways a benchmark gets a demo model: through our loader (what the API serves) or as a bare
/// session. Both run on the CPU provider with ONNX Runtime's default threading, so the only
/// difference between them is our code.
/// </summary>
internal static class DemoSessions
{
    public static LoadedModel LoadGoverned(DemoModel demo)
    {
        var factory = new SessionFactory(
            new InferenceOptions { ExecutionProvider = ExecutionProviderMode.Cpu },
            NullLogger<SessionFactory>.Instance);
        var loader = new ModelLoader(factory, NullLogger<ModelLoader>.Instance);
        return loader.Load(demo.OnnxBytes, ModelLoader.ComputeSha256(demo.OnnxBytes), demo.Manifest, CancellationToken.None);
    }

    public static InferenceSession OpenBare(DemoModel demo)
    {
        using var options = new SessionOptions();
        return new InferenceSession(demo.OnnxBytes, options);
    }
}
