using BenchmarkDotNet.Attributes;
using Governance.Benchmarks.Setup;
using Governance.DemoModels;
using Governance.Domain.Text;
using Governance.Inference.Runtime;

namespace Governance.Benchmarks;

/// <summary>
/// support-intent on one ~200-character message: featurize + bare ONNX Runtime run against our
/// <see cref="TextClassifier.Predict(string)"/> (pooled buffers, per-call OrtValue, cancellation
/// hook, ref-counted session, labels sorted by score).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class that derives from each benchmark class.</remarks>
[MemoryDiagnoser]
public class TextPathBenchmarks
{
    // One email, one order id: the kind of message the PII policy sees; 203 characters.
    private const string Message =
        "Hi, I was charged twice for order ORD-4471823 on my Pro plan this month. Please refund the " +
        "duplicate payment and send the receipt to jane.doe@example.com before Friday. Thanks, Jane";

    private LoadedModel _model = null!;
    private TextClassifier _classifier = null!;
    private HashedTextFeaturizer _featurizer = null!;
    private BareRun _bare = null!;

    [GlobalSetup]
    public void Setup()
    {
        var demo = DemoModelFactory.SupportIntentClassifier();
        var manifest = demo.Manifest;
        var dimensions = manifest.Featurizer!.Dimensions;
        _model = DemoSessions.LoadGoverned(demo);
        _classifier = new TextClassifier(_model);
        _featurizer = new HashedTextFeaturizer(manifest.Featurizer);
        _bare = new BareRun(
            DemoSessions.OpenBare(demo),
            manifest.Inputs[0].Name,
            [1, dimensions],
            manifest.Outputs[0].Name,
            [1, manifest.Labels.Count]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _model.Dispose();
    }

    [Benchmark(Baseline = true, Description = "featurize + bare ORT Run")]
    public float[] FeaturizeAndBareRun()
    {
        _featurizer.Featurize(Message, _bare.Input);
        return _bare.Run();
    }

    [Benchmark(Description = "TextClassifier.Predict")]
    public IReadOnlyList<LabelScore> Predict() => _classifier.Predict(Message);

    // What PredictHandler does today: a new classifier (featurizer, label copy) on every call.
    [Benchmark(Description = "new TextClassifier + Predict (API today)")]
    public IReadOnlyList<LabelScore> NewClassifierAndPredict() => new TextClassifier(_model).Predict(Message);
}
