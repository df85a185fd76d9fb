using System.Text;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Protocol;

public sealed class MalformedRequestTests
{
    private static readonly TensorSpec[] Inputs =
    [
        new("features", TensorDataType.Fp32, [-1, 3]),
        new("ids", TensorDataType.Int64, [-1]),
    ];

    private static readonly TensorSpec[] Outputs = [new("scores", TensorDataType.Fp32, [-1, 2])];

    private const string Features = """{"name":"features","shape":[1,3],"datatype":"FP32","data":[1,2,3]}""";
    private const string Ids = """{"name":"ids","shape":[2],"datatype":"INT64","data":[7,8]}""";

    [Theory]
    [InlineData("{", "")]
    [InlineData("", "")]
    [InlineData("null", "")]
    [InlineData("[]", "")]
    [InlineData("42", "")]
    [InlineData("{}", "")]
    [InlineData("""{"inputs":{}}""", "")]
    [InlineData("""{"inputs":null}""", "")]
    [InlineData("""{"inputs":[5]}""", "")]
    [InlineData("""{"inputs":[{"shape":[1],"datatype":"INT64","data":[1]}]}""", "")]
    [InlineData("""{"inputs":[{"name":5,"shape":[1],"datatype":"INT64","data":[1]}]}""", "")]
    [InlineData("""{"inputs":[{"name":"","shape":[1],"datatype":"INT64","data":[1]}]}""", "")]
    [InlineData("""{"inputs":[], "inputs":[]}""", "")]
    [InlineData("""{"id":5,"inputs":[]}""", "")]
    [InlineData("""{"parameters":[],"inputs":[]}""", "")]
    [InlineData("""{"outputs":"scores","inputs":[]}""", "")]
    [InlineData("""{"outputs":[{"name":1}],"inputs":[]}""", "")]
    [InlineData("""{"inputs":[]} trailing""", "")]
    [InlineData("""{"inputs":[],}""", "")]
    [InlineData("""{'inputs':[]}""", "")]
    [InlineData("""{"inputs":[{"name":"ids","shape":[2],"datatype":"INT64","data":[7,8],"data":[1,2]}]}""", "ids")]
    [InlineData("""{"inputs":[{"name":"ids","shape":[2],"datatype":"INT64","data":[7,8],"parameters":5}]}""", "ids")]
    public void MalformedRequest_IsRejected(string json, string tensorName)
    {
        var error = Requests.Rejects(json, Inputs, Outputs);

        Assert.Equal(tensorName, error.TensorName);
        Assert.Equal(InferenceErrorCodes.MalformedRequest, error.Code);
    }

    [Theory]
    [InlineData("{\"inputs\":[" + Ids + "]}", "features", InferenceErrorCodes.MissingInput, "input 'features': required (FP32 [-1, 3]) but not given")]
    [InlineData("{\"inputs\":[" + Features + "," + Ids + "," + Ids + "]}", "ids", InferenceErrorCodes.DuplicateInput, "input 'ids': given more than once")]
    [InlineData("""{"inputs":[{"name":"extra","shape":[1],"datatype":"FP32","data":[1]}]}""", "extra", InferenceErrorCodes.UnknownInput, "input 'extra': the model has no such input; its inputs are 'features', 'ids'")]
    [InlineData("""{"inputs":[{"name":"features","shape":[1,3],"datatype":"INT64","data":[1,2,3]}]}""", "features", InferenceErrorCodes.DatatypeMismatch, "input 'features': expected datatype FP32, got INT64")]
    [InlineData("""{"inputs":[{"name":"features","shape":[1,2],"datatype":"FP32","data":[1,2]}]}""", "features", InferenceErrorCodes.ShapeMismatch, "input 'features': expected shape [-1, 3], got [1, 2]")]
    [InlineData("""{"inputs":[{"name":"features","shape":[3],"datatype":"FP32","data":[1,2,3]}]}""", "features", InferenceErrorCodes.ShapeMismatch, "input 'features': expected shape [-1, 3], got [3]")]
    [InlineData("""{"inputs":[{"name":"features","shape":[1,3],"datatype":"FLOAT32","data":[1,2,3]}]}""", "features", InferenceErrorCodes.UnknownDatatype, "input 'features': unknown datatype 'FLOAT32', expected one of BOOL, UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64, FP16, FP32, FP64, BYTES")]
    [InlineData("""{"inputs":[{"name":"features","shape":[1,3],"datatype":"fp32","data":[1,2,3]}]}""", "features", InferenceErrorCodes.UnknownDatatype, null)]
    [InlineData("""{"inputs":[{"name":"features","shape":[1,3],"datatype":32,"data":[1,2,3]}]}""", "features", InferenceErrorCodes.UnknownDatatype, null)]
    [InlineData("""{"inputs":[{"name":"features","shape":[1,3],"data":[1,2,3]}]}""", "features", InferenceErrorCodes.UnknownDatatype, null)]
    [InlineData("{\"inputs\":[" + Features + "," + Ids + "],\"outputs\":[{\"name\":\"logits\"}]}", "logits", InferenceErrorCodes.UnknownOutput, "output 'logits': the model has no such output; its outputs are 'scores'")]
    [InlineData("{\"inputs\":[" + Features + "," + Ids + "],\"outputs\":[{\"name\":\"scores\"},{\"name\":\"scores\"}]}", "scores", InferenceErrorCodes.DuplicateOutput, null)]
    public void RequestThatDoesNotFitTheModel_IsRejectedWithReason(string json, string tensorName, string code, string? message)
    {
        var error = Requests.Rejects(json, Inputs, Outputs);

        Assert.Equal(tensorName, error.TensorName);
        Assert.Equal(code, error.Code);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Fact]
    public void ValidRequest_Passes()
    {
        var validated = Requests.Validate("{\"inputs\":[" + Ids + "," + Features + "]}", Inputs, Outputs);

        Assert.Equal([1f, 2f, 3f], validated.Inputs[0].GetData<float>());
        Assert.Equal([7L, 8L], validated.Inputs[1].GetData<long>());
    }

    [Fact]
    public void DeeplyNestedJson_IsRejected()
    {
        var json = "{\"inputs\":[{\"name\":\"ids\",\"shape\":[1],\"datatype\":\"INT64\",\"data\":"
            + new string('[', 5000) + "1" + new string(']', 5000) + "}]}";

        var error = Requests.Rejects(json, Inputs, Outputs);

        Assert.Equal(InferenceErrorCodes.MalformedRequest, error.Code);
    }

    [Fact]
    public void InvalidUtf8InString_IsRejectedAsBadElement()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"inputs\":[{\"name\":\"ids\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"AB\"]}]}");
        var at = Array.IndexOf(bytes, (byte)'A');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var error = Assert.Throws<InferenceInputException>(() => InferenceRequestBinder.Bind(
            OipJson.ParseRequest(bytes), [new TensorSpec("ids", TensorDataType.Bytes, [1])], Outputs));

        Assert.Equal(("ids", InferenceErrorCodes.InvalidElement), (error.TensorName, error.Code));
    }

    [Theory]
    [InlineData("""{"inputs":[{"name":"\ud800","shape":[1],"datatype":"INT64","data":[1]}]}""")]
    [InlineData("""{"inputs":[{"name":"t","shape":[1],"datatype":"BYTES","data":["\udc00x"]}]}""")]
    public void LoneSurrogateEscapes_AreRejectedCleanly(string json)
    {
        var ex = Record.Exception(() => Requests.Validate(json, [new TensorSpec("t", TensorDataType.Bytes, [-1])], Outputs));

        Assert.True(ex is null or InferenceInputException, ex?.ToString());
    }

    [Fact]
    public async Task ReadRequestAsync_ReportsMalformedStreamAsInputError()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"inputs\": [ {"));

        var error = await Assert.ThrowsAsync<InferenceInputException>(() => OipJson.ReadRequestAsync(stream, CancellationToken.None));

        Assert.Equal(InferenceErrorCodes.MalformedRequest, error.Code);
    }
}
