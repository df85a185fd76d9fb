using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Protocol;

public sealed class MalformedDataTests
{
    private static readonly TensorSpec[] NoOutputs = [];

    [Theory]
    [InlineData(TensorDataType.Int32, "INT32", "[\"1\", 2]")]
    [InlineData(TensorDataType.Int32, "INT32", "[2147483648, 1]")]
    [InlineData(TensorDataType.Int32, "INT32", "[-2147483649, 1]")]
    [InlineData(TensorDataType.Int32, "INT32", "[1.5, 1]")]
    [InlineData(TensorDataType.Int32, "INT32", "[1e3, 1]")]
    [InlineData(TensorDataType.Int32, "INT32", "[null, 1]")]
    [InlineData(TensorDataType.Int32, "INT32", "[true, 1]")]
    [InlineData(TensorDataType.Int32, "INT32", "[{}, 1]")]
    [InlineData(TensorDataType.Int32, "INT32", "[[1], 2]")]
    [InlineData(TensorDataType.Int64, "INT64", "[1.0, 2]")]
    [InlineData(TensorDataType.Int64, "INT64", "[9223372036854775808, 2]")]
    [InlineData(TensorDataType.Uint8, "UINT8", "[256, 0]")]
    [InlineData(TensorDataType.Uint8, "UINT8", "[-1, 0]")]
    [InlineData(TensorDataType.Int8, "INT8", "[128, 0]")]
    [InlineData(TensorDataType.Int16, "INT16", "[32768, 0]")]
    [InlineData(TensorDataType.Uint16, "UINT16", "[65536, 0]")]
    [InlineData(TensorDataType.Uint32, "UINT32", "[4294967296, 0]")]
    [InlineData(TensorDataType.Uint64, "UINT64", "[-1, 0]")]
    [InlineData(TensorDataType.Bool, "BOOL", "[1, 0]")]
    [InlineData(TensorDataType.Bool, "BOOL", "[\"true\", false]")]
    [InlineData(TensorDataType.Bool, "BOOL", "[null, false]")]
    [InlineData(TensorDataType.Fp32, "FP32", "[1e39, 0]")]
    [InlineData(TensorDataType.Fp32, "FP32", "[\"1.5\", 0]")]
    [InlineData(TensorDataType.Fp32, "FP32", "[\"nan\", 0]")]
    [InlineData(TensorDataType.Fp32, "FP32", "[null, 0]")]
    [InlineData(TensorDataType.Fp16, "FP16", "[70000, 0]")]
    [InlineData(TensorDataType.Fp64, "FP64", "[1e400, 0]")]
    [InlineData(TensorDataType.Fp64, "FP64", "[false, 0]")]
    [InlineData(TensorDataType.Bytes, "BYTES", "[1, \"a\"]")]
    [InlineData(TensorDataType.Bytes, "BYTES", "[null, \"a\"]")]
    [InlineData(TensorDataType.Bytes, "BYTES", "[[\"a\"], \"a\"]")]
    public void WrongElement_IsRejectedNamingTheInput(TensorDataType type, string wire, string data)
    {
        var error = Requests.Rejects(Requests.One("features", "[2]", wire, data), [new TensorSpec("features", type, [-1])], NoOutputs);

        Assert.Equal("features", error.TensorName);
        Assert.Equal(InferenceErrorCodes.InvalidElement, error.Code);
        Assert.StartsWith("input 'features': element 0 must be ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[3]", "[1, 2]", InferenceErrorCodes.ElementCountMismatch)]
    [InlineData("[3]", "[1, 2, 3, 4]", InferenceErrorCodes.ElementCountMismatch)]
    [InlineData("[2, 2]", "[1, 2, 3]", InferenceErrorCodes.ElementCountMismatch)]
    [InlineData("[2, 2]", "[[1, 2], [3]]", InferenceErrorCodes.RaggedData)]
    [InlineData("[2, 2]", "[[1, 2], 3, 4]", InferenceErrorCodes.RaggedData)]
    [InlineData("[2, 2]", "[[1, 2], [3, 4], [5, 6]]", InferenceErrorCodes.RaggedData)]
    [InlineData("[2, 2, 1]", "[[[1], [2]], [[3], 4]]", InferenceErrorCodes.RaggedData)]
    [InlineData("[2, 2]", "[[[1, 2]], [3, 4]]", InferenceErrorCodes.RaggedData)]
    [InlineData("[2, 2]", "[[[1], [2]], [[3], [4]]]", InferenceErrorCodes.InvalidElement)]
    [InlineData("[1]", "5", InferenceErrorCodes.InvalidData)]
    [InlineData("[1]", "{\"a\": 1}", InferenceErrorCodes.InvalidData)]
    [InlineData("[1]", "\"1\"", InferenceErrorCodes.InvalidData)]
    [InlineData("[1]", "null", InferenceErrorCodes.MissingData)]
    [InlineData("[-1]", "[]", InferenceErrorCodes.InvalidShape)]
    [InlineData("[2, -2]", "[]", InferenceErrorCodes.InvalidShape)]
    [InlineData("[1.5]", "[1]", InferenceErrorCodes.InvalidShape)]
    [InlineData("[\"2\"]", "[1, 2]", InferenceErrorCodes.InvalidShape)]
    [InlineData("[1e30]", "[1]", InferenceErrorCodes.InvalidShape)]
    [InlineData("[null]", "[1]", InferenceErrorCodes.InvalidShape)]
    [InlineData("\"[1]\"", "[1]", InferenceErrorCodes.InvalidShape)]
    [InlineData("null", "[1]", InferenceErrorCodes.InvalidShape)]
    [InlineData("[4097, 4097]", "[1]", InferenceErrorCodes.TooLarge)]
    [InlineData("[100000, 100000, 100000]", "[1]", InferenceErrorCodes.TooLarge)]
    [InlineData("[9223372036854775807, 9223372036854775807]", "[1]", InferenceErrorCodes.TooLarge)]
    [InlineData("[4294967296, 4294967296]", "[1]", InferenceErrorCodes.TooLarge)]
    public void BadShapeOrLayout_IsRejectedNamingTheInput(string shape, string data, string code)
    {
        var json = Requests.One("ids", shape, "INT32", data);
        var rank = shape.Count(c => c == ',') + 1;
        var spec = new TensorSpec("ids", TensorDataType.Int32, Enumerable.Repeat(-1L, rank).ToArray());

        var error = Requests.Rejects(json, [spec], NoOutputs);

        Assert.Equal("ids", error.TensorName);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void RankAboveLimit_IsRejected()
    {
        var shape = "[" + string.Join(",", Enumerable.Repeat("1", 33)) + "]";

        var error = Requests.Rejects(Requests.One("ids", shape, "INT32", "[1]"), [new TensorSpec("ids", TensorDataType.Int32, [-1])], NoOutputs);

        Assert.Equal(InferenceErrorCodes.InvalidShape, error.Code);
    }

    [Fact]
    public void MissingData_IsRejected()
    {
        const string json = """{"inputs":[{"name":"ids","shape":[1],"datatype":"INT32"}]}""";

        var error = Requests.Rejects(json, [new TensorSpec("ids", TensorDataType.Int32, [-1])], NoOutputs);

        Assert.Equal(("ids", InferenceErrorCodes.MissingData), (error.TensorName, error.Code));
    }

    [Fact]
    public void CountMismatch_IsCheckedBeforeAllocating()
    {
        // 16M INT64 elements would be 128 MiB; one element must be refused without allocating them.
        var error = Requests.Rejects(Requests.One("ids", "[16777216]", "INT64", "[1]"), [new TensorSpec("ids", TensorDataType.Int64, [-1])], NoOutputs);

        Assert.Equal(InferenceErrorCodes.ElementCountMismatch, error.Code);
        Assert.Equal("input 'ids': shape [16777216] needs 16777216 elements, data has 1", error.Message);
    }

    [Fact]
    public void ProgrammaticInput_WithNegativeDimension_IsRejected()
    {
        var input = new RequestInput("ids", [-3], "INT32", default);

        var error = Assert.Throws<InferenceInputException>(() => InferenceRequestBinder.Bind(
            new InferenceRequest([input]), [new TensorSpec("ids", TensorDataType.Int32, [-1])], NoOutputs));

        Assert.Equal(InferenceErrorCodes.InvalidShape, error.Code);
        Assert.Contains("negative dimension -3", error.Message, StringComparison.Ordinal);
    }
}
