using System.Text.Json;
using Governance.DemoModels;
using Governance.Domain.Models;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Tests.DemoModels;

public sealed class DemoModelGenerationTests
{
    [Fact]
    public void SupportIntentClassifier_TwoCalls_GiveIdenticalBytes() =>
        Assert.Equal(DemoModelFactory.SupportIntentClassifier().OnnxBytes, DemoModelRunner.SupportIntent.OnnxBytes);

    [Fact]
    public void CreditRiskScorer_TwoCalls_GiveIdenticalBytes() =>
        Assert.Equal(DemoModelFactory.CreditRiskScorer().OnnxBytes, DemoModelRunner.CreditRisk.OnnxBytes);

    [Fact]
    public void Identity_TwoCalls_GiveIdenticalBytes() =>
        Assert.Equal(
            DemoModelFactory.Identity(TensorDataType.Bytes, [-1]).OnnxBytes,
            DemoModelFactory.Identity(TensorDataType.Bytes, [-1]).OnnxBytes);

    [Fact]
    public void Manifests_MatchTheSessionsInputsAndOutputs()
    {
        foreach (var model in new[] { DemoModelRunner.SupportIntent, DemoModelRunner.CreditRisk })
        {
            using var session = new InferenceSession(model.OnnxBytes);
            var input = model.Manifest.Inputs[0];
            var output = model.Manifest.Outputs[0];

            Assert.Equal([input.Name], session.InputMetadata.Keys);
            Assert.Equal([output.Name], session.OutputMetadata.Keys);
            Assert.Equal(input.Shape, session.InputMetadata[input.Name].Dimensions.Select(d => (long)d));
            Assert.Equal(output.Shape, session.OutputMetadata[output.Name].Dimensions.Select(d => (long)d));
            Assert.Equal(typeof(float), session.InputMetadata[input.Name].ElementType);
        }
    }

    [Fact]
    public void Manifest_Json_UsesCamelCaseAndProtocolDatatypeNamesAndRoundTrips()
    {
        var manifest = DemoModelRunner.SupportIntent.Manifest;

        var json = JsonSerializer.Serialize(manifest, DemoModelJson.Options);
        var back = JsonSerializer.Deserialize<ModelManifest>(json, DemoModelJson.Options)!;

        Assert.Contains("\"dataType\": \"FP32\"", json, StringComparison.Ordinal);
        Assert.Contains("\"featurizer\": {", json, StringComparison.Ordinal);
        Assert.Equal(manifest.Featurizer, back.Featurizer);
        Assert.Equal(manifest.Labels, back.Labels);
        Assert.Equal(manifest.Inputs[0].Shape, back.Inputs[0].Shape);
        Assert.Equal(manifest.Inputs[0].DataType, back.Inputs[0].DataType);
    }

    [Fact]
    public void Models_DeclareProducerName()
    {
        using var session = new InferenceSession(DemoModelRunner.CreditRisk.OnnxBytes);

        Assert.Equal("governance-demomodels", session.ModelMetadata.ProducerName);
    }
}
