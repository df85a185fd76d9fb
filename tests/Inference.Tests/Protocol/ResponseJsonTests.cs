using System.Text.Json;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.ExecutionProviders;
using Governance.Inference.Protocol;
using Governance.Inference.Tensors;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Protocol;

public sealed class ResponseJsonTests
{
    [Fact]
    public void Response_UsesProtocolNamesAndOmitsAbsentOptionals()
    {
        var response = new InferenceResponse("m", null, null, [NamedTensor.Create("y", new[] { 0.1f, 2f }, 1, 2)]);

        var json = OipJson.Serialize(response);

        Assert.Equal("""{"model_name":"m","outputs":[{"name":"y","shape":[1,2],"datatype":"FP32","data":[0.1,2]}]}""", json);
    }

    [Fact]
    public void NonFiniteFloats_AreWrittenAsTheStringsTheDecoderAccepts()
    {
        var tensor = NamedTensor.Create("y", new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity }, 3);

        var json = OipJson.Serialize(tensor);
        var back = JsonSerializer.Deserialize<NamedTensor>(json, OipJson.Options)!;

        Assert.Contains("\"data\":[\"NaN\",\"Infinity\",\"-Infinity\"]", json, StringComparison.Ordinal);
        Assert.Equal(tensor.GetData<float>(), back.GetData<float>());
    }

    [Fact]
    public void UnsignedData_IsNeverWrittenAsSigned()
    {
        var json = OipJson.Serialize(NamedTensor.Create("y", new[] { uint.MaxValue }, 1));

        Assert.Contains("\"data\":[4294967295]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Response_ReadsBackWithTypedOutputs()
    {
        var response = new InferenceResponse("m", "2", "r", [NamedTensor.Create("y", new[] { 1L, -2L }, 2), NamedTensor.Create("s", new[] { "a" }, 1)]);

        var back = JsonSerializer.Deserialize<InferenceResponse>(OipJson.Serialize(response), OipJson.Options)!;

        Assert.Equal(("m", "2", "r"), (back.ModelName, back.ModelVersion, back.Id));
        Assert.Equal([1L, -2L], back.Outputs[0].GetData<long>());
        Assert.Equal(["a"], back.Outputs[1].GetData<string>());
    }

    [Fact]
    public void Request_WritesAndReadsBack()
    {
        const string json = """{"id":"q","parameters":{"p":1},"inputs":[{"name":"x","shape":[2],"datatype":"INT32","parameters":{"k":"v"},"data":[[1],[2]]}],"outputs":[{"name":"y"}]}""";

        var written = OipJson.Serialize(OipJson.ParseRequest(json));

        Assert.Equal(json, written);
    }

    [Fact]
    public void Metadata_DescribesTheModelAndWhereItRuns()
    {
        using var model = Models.Load(Models.CreditRisk);

        var json = JsonDocument.Parse(OipJson.Serialize(ModelMetadata.From(model, ["1", "2"]))).RootElement;

        Assert.Equal("credit-risk", json.GetProperty("name").GetString());
        Assert.Equal("[\"1\",\"2\"]", json.GetProperty("versions").GetRawText());
        Assert.Equal("onnxruntime_onnx", json.GetProperty("platform").GetString());
        Assert.Equal(ExecutionProviderNames.Cpu, json.GetProperty("execution_provider").GetString());
        var input = json.GetProperty("inputs")[0];
        Assert.Equal("""{"name":"applicant","datatype":"FP32","shape":[-1,4]}""", input.GetRawText());
        Assert.Equal("default_probability", json.GetProperty("outputs")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void NamedTensor_RefusesDataThatDoesNotFitItsShapeOrType()
    {
        Assert.Throws<ArgumentException>(() => new NamedTensor("x", TensorDataType.Fp32, [3], new float[2]));
        Assert.Throws<ArgumentException>(() => new NamedTensor("x", TensorDataType.Uint32, [1], new int[1]));
        Assert.Throws<InvalidCastException>(() => NamedTensor.Create("x", new uint[1], 1).GetData<int>());
    }

    [Fact]
    public void DataTypes_WireNamesRoundTrip()
    {
        foreach (var type in Enum.GetValues<TensorDataType>())
        {
            Assert.True(DataTypes.TryParseWire(DataTypes.ToWire(type), out var back));
            Assert.Equal(type, back);
        }

        Assert.False(DataTypes.TryParseWire("Fp32", out _));
        Assert.False(DataTypes.TryParseWire(null, out _));
    }

    [Fact]
    public void MalformedTensorJson_IsAnInputError() =>
        Assert.Throws<InferenceInputException>(() => JsonSerializer.Deserialize<NamedTensor>("""{"name":"y","shape":[2],"datatype":"FP32","data":[1]}""", OipJson.Options));
}
