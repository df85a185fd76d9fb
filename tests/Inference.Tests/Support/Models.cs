using Governance.DemoModels;
using Governance.Inference.ExecutionProviders;
using Governance.Inference.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Inference.Tests.Support;

/// <summary>Loads demo models the way the platform does: digest check, manifest check, warm-up.</summary>
public static class Models
{
    public static SessionFactory CpuSessions { get; } =
        new(new InferenceOptions { ExecutionProvider = ExecutionProviderMode.Cpu }, NullLogger<SessionFactory>.Instance);

    public static ModelLoader Loader { get; } = new(CpuSessions, NullLogger<ModelLoader>.Instance);

    public static LoadedModel Load(DemoModel demo) =>
        Loader.Load(demo.OnnxBytes, ModelLoader.ComputeSha256(demo.OnnxBytes), demo.Manifest, CancellationToken.None);
}
