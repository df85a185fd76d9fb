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

    private static readonly Lazy<DemoModel> SupportIntentModel = new(DemoModelFactory.SupportIntentClassifier);
    private static readonly Lazy<DemoModel> CreditRiskModel = new(DemoModelFactory.CreditRiskScorer);

    /// <summary>Trained once per test run: training takes seconds and is deterministic anyway.</summary>
    public static DemoModel SupportIntent => SupportIntentModel.Value;

    public static DemoModel CreditRisk => CreditRiskModel.Value;

    public static LoadedModel Load(DemoModel demo) =>
        Loader.Load(demo.OnnxBytes, ModelLoader.ComputeSha256(demo.OnnxBytes), demo.Manifest, CancellationToken.None);
}
