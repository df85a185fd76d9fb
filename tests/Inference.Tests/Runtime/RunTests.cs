using System.Text.Json;
using Governance.DemoModels;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Runtime;

public sealed class RunTests
{
    public static TheoryData<TensorDataType, string, string> IdentityCases() => new()
    {
        { TensorDataType.Bool, "BOOL", "[true,false,true,false,false,true]" },
        { TensorDataType.Uint8, "UINT8", "[0,1,2,127,128,255]" },
        { TensorDataType.Uint16, "UINT16", "[0,1,2,3,4,65535]" },
        { TensorDataType.Uint32, "UINT32", "[0,1,2,3,4,4294967295]" },
        { TensorDataType.Uint64, "UINT64", "[0,1,2,3,4,18446744073709551615]" },
        { TensorDataType.Int8, "INT8", "[-128,-1,0,1,2,127]" },
        { TensorDataType.Int16, "INT16", "[-32768,-1,0,1,2,32767]" },
        { TensorDataType.Int32, "INT32", "[-2147483648,-1,0,1,42,2147483647]" },
        { TensorDataType.Int64, "INT64", "[-9223372036854775808,-1,0,1,1099511627776,9223372036854775807]" },
        { TensorDataType.Fp16, "FP16", "[-65504,-1.5,0,0.25,65504,\"Infinity\"]" },
        { TensorDataType.Fp32, "FP32", "[-1.5,0,1E-45,3.25,3.4028235E+38,\"-Infinity\"]" },
        { TensorDataType.Fp64, "FP64", "[-1.5,0,5E-324,3.141592653589793,1.7976931348623157E+308,\"NaN\"]" },
        { TensorDataType.Bytes, "BYTES", "[\"\",\"hello\",\"jane.doe@example.com\",\"na\u00efve caf\u00e9\",\"\ud83d\ude00\",\"4111 1111\"]" },
    };

    [Theory]
    [MemberData(nameof(IdentityCases))]
    public async Task Identity_RoundTripsEveryDatatypeThroughJson(TensorDataType type, string wire, string data)
    {
        using var model = Models.Load(DemoModelFactory.Identity(type, [-1, 3]));
        var request = OipJson.ParseRequest($$"""{"id":"rt","inputs":[{"name":"x","shape":[2,3],"datatype":"{{wire}}","data":{{data}}}]}""");

        var response = await model.RunAsync(request, CancellationToken.None);

        var json = JsonDocument.Parse(OipJson.Serialize(response)).RootElement;
        Assert.Equal(model.Name, json.GetProperty("model_name").GetString());
        Assert.Equal("1", json.GetProperty("model_version").GetString());
        Assert.Equal("rt", json.GetProperty("id").GetString());
        var output = Assert.Single(json.GetProperty("outputs").EnumerateArray().ToArray());
        Assert.Equal("y", output.GetProperty("name").GetString());
        Assert.Equal(wire, output.GetProperty("datatype").GetString());
        Assert.Equal("[2,3]", output.GetProperty("shape").GetRawText());
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(data)), output.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Identity_EmptyBatch_ReturnsEmptyOutput()
    {
        using var model = Models.Load(DemoModelFactory.Identity(TensorDataType.Fp32, [-1, 3]));

        var response = await model.RunAsync(OipJson.ParseRequest(Requests.One("x", "[0, 3]", "FP32", "[]")), CancellationToken.None);

        Assert.Equal([0L, 3L], response.Outputs[0].Shape);
        Assert.Empty(response.Outputs[0].GetData<float>());
    }

    [Fact]
    public async Task SupportIntent_ProbabilitiesOfEachRowSumToOne()
    {
        var demo = Models.SupportIntent;
        using var model = Models.Load(demo);
        var dimensions = demo.Manifest.Featurizer!.Dimensions;
        var rows = new float[2 * dimensions];
        rows[3] = 0.6f;
        rows[dimensions + 100] = 0.8f;
        var json = Requests.One("features", $"[2, {dimensions}]", "FP32", JsonSerializer.Serialize(rows));

        var response = await model.RunAsync(OipJson.ParseRequest(json), CancellationToken.None);

        var probabilities = response.Outputs[0];
        var labels = demo.Manifest.Labels.Count;
        Assert.Equal([2L, labels], probabilities.Shape);
        var values = probabilities.GetData<float>();
        for (var row = 0; row < 2; row++)
        {
            Assert.Equal(1.0, values.AsSpan(row * labels, labels).ToArray().Sum(), 4);
            Assert.All(values.AsSpan(row * labels, labels).ToArray(), p => Assert.InRange(p, 0f, 1f));
        }
    }

    [Fact]
    public async Task CreditRisk_ScoresAreProbabilities()
    {
        using var model = Models.Load(Models.CreditRisk);
        const string json = """{"inputs":[{"name":"applicant","shape":[2,4],"datatype":"FP32","data":[[0.1,0.2,0.3,0.4],[1,1,1,1]]}],"outputs":[{"name":"default_probability"}]}""";

        var response = await model.RunAsync(OipJson.ParseRequest(json), CancellationToken.None);

        Assert.Equal([2L, 1L], response.Outputs[0].Shape);
        Assert.All(response.Outputs[0].GetData<float>(), p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public async Task RunAsync_InvalidInput_FaultsWithInputException()
    {
        using var model = Models.Load(Models.CreditRisk);

        var error = await Assert.ThrowsAsync<InferenceInputException>(() =>
            model.RunAsync(OipJson.ParseRequest(Requests.One("applicant", "[1, 4]", "INT64", "[1,2,3,4]")), CancellationToken.None));

        Assert.Equal("input 'applicant': expected datatype FP32, got INT64", error.Message);
    }

    [Fact]
    public async Task RunAsync_CancelledToken_IsCancelled()
    {
        using var model = Models.Load(Models.CreditRisk);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            model.RunAsync(OipJson.ParseRequest(Requests.One("applicant", "[1, 4]", "FP32", "[1,2,3,4]")), cts.Token));
    }
}
