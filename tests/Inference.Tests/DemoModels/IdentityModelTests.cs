using Governance.DemoModels;
using Governance.Domain.Models;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Tests.DemoModels;

public sealed class IdentityModelTests
{
    private static readonly long[] Shape = [2, 3];

    [Fact]
    public void Identity_Bool_RoundTripsValues() =>
        AssertRoundTrip(TensorDataType.Bool, new[] { true, false, true, true, false, false });

    [Fact]
    public void Identity_Int32_RoundTripsValues() =>
        AssertRoundTrip(TensorDataType.Int32, new[] { int.MinValue, -1, 0, 1, 42, int.MaxValue });

    [Fact]
    public void Identity_Int64_RoundTripsValues() =>
        AssertRoundTrip(TensorDataType.Int64, new[] { long.MinValue, -1L, 0L, 1L, 1L << 40, long.MaxValue });

    [Fact]
    public void Identity_Fp32_RoundTripsValues() =>
        AssertRoundTrip(TensorDataType.Fp32, new[] { -1.5f, 0f, float.Epsilon, 3.25f, float.MaxValue, float.NegativeInfinity });

    [Fact]
    public void Identity_Fp64_RoundTripsValues() =>
        AssertRoundTrip(TensorDataType.Fp64, new[] { -1.5, 0.0, double.Epsilon, Math.PI, double.MaxValue, double.PositiveInfinity });

    [Fact]
    public void Identity_Bytes_RoundTripsStrings()
    {
        string[] values = ["", "hello", "jane.doe@example.com", "naïve café", "😀", "4111 1111 1111 1111"];
        var model = DemoModelFactory.Identity(TensorDataType.Bytes, [-1, 3]);
        using var session = new InferenceSession(model.OnnxBytes);
        using var input = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, Shape);
        for (var i = 0; i < values.Length; i++)
        {
            input.StringTensorSetElementAt(values[i], i);
        }

        using var outputs = session.Run(new RunOptions(), new Dictionary<string, OrtValue> { ["x"] = input }, ["y"]);

        Assert.Equal(values, outputs[0].GetStringTensorAsArray());
        Assert.Equal(Shape, outputs[0].GetTensorTypeAndShape().Shape);
    }

    [Fact]
    public void Identity_Manifest_NamesModelAfterDatatype()
    {
        var model = DemoModelFactory.Identity(TensorDataType.Fp64, [-1, 4]);

        Assert.Equal("identity-fp64", model.Manifest.Name);
        Assert.Equal("1", model.Manifest.Version);
        Assert.Equal(new TensorSpec("x", TensorDataType.Fp64, [-1, 4]).Shape, model.Manifest.Inputs[0].Shape);
        Assert.Equal("y", model.Manifest.Outputs[0].Name);
    }

    [Fact]
    public void Identity_SessionMetadata_DeclaresTypesAndSymbolicBatch()
    {
        var model = DemoModelFactory.Identity(TensorDataType.Int64, [-1, 3]);
        using var session = new InferenceSession(model.OnnxBytes);

        var input = session.InputMetadata["x"];
        Assert.Equal(typeof(long), input.ElementType);
        Assert.Equal(new[] { -1, 3 }, input.Dimensions);
        Assert.Equal(typeof(long), session.OutputMetadata["y"].ElementType);
    }

    private static void AssertRoundTrip<T>(TensorDataType type, T[] values)
        where T : unmanaged
    {
        var model = DemoModelFactory.Identity(type, [-1, 3]);
        using var session = new InferenceSession(model.OnnxBytes);
        using var input = OrtValue.CreateTensorValueFromMemory(values, Shape);

        using var outputs = session.Run(new RunOptions(), new Dictionary<string, OrtValue> { ["x"] = input }, ["y"]);

        Assert.Equal(values, outputs[0].GetTensorDataAsSpan<T>().ToArray());
        Assert.Equal(Shape, outputs[0].GetTensorTypeAndShape().Shape);
    }
}
