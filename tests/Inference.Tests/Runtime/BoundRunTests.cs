using Governance.DemoModels;
using Governance.Domain.Models;
using Governance.Inference.ExecutionProviders;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;
using Governance.Inference.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Inference.Tests.Runtime;

/// <summary>The IoBinding setting changes how a run is made, never what it answers.</summary>
public sealed class BoundRunTests
{
    private static readonly ModelLoader BindingLoader = new(
        new SessionFactory(new InferenceOptions { ExecutionProvider = ExecutionProviderMode.Cpu, IoBinding = true }, NullLogger<SessionFactory>.Instance),
        NullLogger<ModelLoader>.Instance);

    [Fact]
    public void CreditRisk_WithAndWithoutBinding_GivesIdenticalScores()
    {
        var request = OipJson.ParseRequest(Requests.One("applicant", "[3,4]", "FP32", "[50,0.3,35,1, 20,0.9,22,0, 80,0.1,60,3]"));
        using var plain = Models.Load(Models.CreditRisk);
        using var bound = Load(Models.CreditRisk);

        var expected = plain.Run(request, CancellationToken.None).Outputs[0];
        var actual = bound.Run(request, CancellationToken.None).Outputs[0];

        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.GetData<float>(), actual.GetData<float>());
        Assert.True(bound.SessionRuns > 0);
    }

    [Theory]
    [InlineData(TensorDataType.Bytes, "BYTES", "[\"a\",\"jane.doe@example.com\",\"\",\"caf\u00e9\"]")]
    [InlineData(TensorDataType.Int64, "INT64", "[-9223372036854775808,0,1,9223372036854775807]")]
    [InlineData(TensorDataType.Fp16, "FP16", "[-65504,0.25,1,\"Infinity\"]")]
    [InlineData(TensorDataType.Bool, "BOOL", "[true,false,false,true]")]
    public void Identity_WithAndWithoutBinding_GivesIdenticalTensors(TensorDataType type, string wire, string data)
    {
        var demo = DemoModelFactory.Identity(type, [-1, 2]);
        var request = OipJson.ParseRequest(Requests.One("x", "[2,2]", wire, data));
        using var plain = Models.Load(demo);
        using var bound = Load(demo);

        var expected = plain.Run(request, CancellationToken.None).Outputs[0];
        var actual = bound.Run(request, CancellationToken.None).Outputs[0];

        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.Data.Cast<object>(), actual.Data.Cast<object>());
    }

    private static LoadedModel Load(DemoModel demo) =>
        BindingLoader.Load(demo.OnnxBytes, ModelLoader.ComputeSha256(demo.OnnxBytes), demo.Manifest, CancellationToken.None);
}
