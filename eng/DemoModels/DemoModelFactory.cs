using Governance.DemoModels.Onnx;
using Governance.Domain.Models;

namespace Governance.DemoModels;

/// <summary>
/// Builds the demo models from our own data and training code, deterministically: the same call
/// gives the same bytes every time, so their SHA-256 fingerprints are stable.
/// </summary>
public static class DemoModelFactory
{
    internal const long IrVersion = 8;
    internal const long OpsetVersion = 17;
    internal const string ProducerName = "governance-demomodels";

    /// <summary>Text classifier over hashed n-grams: which support queue a customer message belongs to.</summary>
    public static DemoModel SupportIntentClassifier() => SupportIntent.SupportIntentModelBuilder.Build();

    /// <summary>Tabular logistic regression: probability that a loan applicant defaults.</summary>
    public static DemoModel CreditRiskScorer() => CreditRisk.CreditRiskModelBuilder.Build();

    /// <summary>"x" → Identity → "y"; exercises the runtime's handling of one datatype and shape.</summary>
    public static DemoModel Identity(TensorDataType type, IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var elementType = OnnxElementTypes.From(type);
        var name = $"identity-{type.ToString().ToLowerInvariant()}";
        var graph = new OnnxGraph(
            name,
            [new OnnxNode("identity", "Identity", ["x"], ["y"])],
            [],
            [new OnnxValueInfo("x", elementType, shape)],
            [new OnnxValueInfo("y", elementType, shape)]);
        var manifest = new ModelManifest(
            name,
            "1",
            "identity",
            ["demo", "test"],
            [new TensorSpec("x", type, [.. shape])],
            [new TensorSpec("y", type, [.. shape])],
            []);
        return new DemoModel(Serialize(graph, "Returns its input unchanged."), manifest, new Dictionary<string, double>());
    }

    /// <summary>
    /// y = x + w with a four-float initializer w: inline when <paramref name="externalLocation"/> is null,
    /// otherwise as ONNX external data read from that path. A hostile model for the security tests.
    /// </summary>
    public static DemoModel AddConstant(string name, string? externalLocation)
    {
        var weights = OnnxTensor.FromFloats("w", [4], [1f, 2f, 3f, 4f]) with { ExternalLocation = externalLocation };
        var graph = new OnnxGraph(
            name,
            [new OnnxNode("add", "Add", ["x", "w"], ["y"])],
            [weights],
            [new OnnxValueInfo("x", OnnxElementType.Float, [4])],
            [new OnnxValueInfo("y", OnnxElementType.Float, [4])]);
        var manifest = new ModelManifest(
            name, "1", "regression", ["test"], [new TensorSpec("x", TensorDataType.Fp32, [4])], [new TensorSpec("y", TensorDataType.Fp32, [4])], []);
        return new DemoModel(Serialize(graph, "Adds a constant."), manifest, new Dictionary<string, double>());
    }

    internal static byte[] Serialize(OnnxGraph graph, string docString) =>
        OnnxWriter.Serialize(new OnnxModel(IrVersion, ProducerName, [new OnnxOpset("", OpsetVersion)], graph, docString));
}
