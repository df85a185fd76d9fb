using Governance.Domain.Models;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Protocol;

public sealed class DatatypeParsingTests
{
    // Four elements each, as JSON, and what they must decode to: the extremes of every type.
    public static TheoryData<TensorDataType, string, string[], Array> Cases() => new()
    {
        { TensorDataType.Bool, "BOOL", ["true", "false", "false", "true"], new[] { true, false, false, true } },
        { TensorDataType.Uint8, "UINT8", ["0", "255", "1", "128"], new byte[] { 0, 255, 1, 128 } },
        { TensorDataType.Uint16, "UINT16", ["0", "65535", "1", "2"], new ushort[] { 0, 65535, 1, 2 } },
        { TensorDataType.Uint32, "UINT32", ["0", "4294967295", "1", "2"], new uint[] { 0, uint.MaxValue, 1, 2 } },
        { TensorDataType.Uint64, "UINT64", ["0", "18446744073709551615", "1", "2"], new ulong[] { 0, ulong.MaxValue, 1, 2 } },
        { TensorDataType.Int8, "INT8", ["-128", "127", "0", "-1"], new sbyte[] { -128, 127, 0, -1 } },
        { TensorDataType.Int16, "INT16", ["-32768", "32767", "0", "-1"], new short[] { short.MinValue, short.MaxValue, 0, -1 } },
        { TensorDataType.Int32, "INT32", ["-2147483648", "2147483647", "0", "-1"], new[] { int.MinValue, int.MaxValue, 0, -1 } },
        { TensorDataType.Int64, "INT64", ["-9223372036854775808", "9223372036854775807", "0", "-1"], new[] { long.MinValue, long.MaxValue, 0, -1L } },
        { TensorDataType.Fp16, "FP16", ["0.5", "-65504", "65504", "\"-Infinity\""], new[] { (Half)0.5, Half.MinValue, Half.MaxValue, Half.NegativeInfinity } },
        { TensorDataType.Fp32, "FP32", ["0.1", "-3.4028235E+38", "1e-3", "\"NaN\""], new[] { 0.1f, float.MinValue, 1e-3f, float.NaN } },
        { TensorDataType.Fp64, "FP64", ["0.1", "1.7976931348623157E+308", "-2", "\"Infinity\""], new[] { 0.1, double.MaxValue, -2, double.PositiveInfinity } },
        { TensorDataType.Bytes, "BYTES", ["\"\"", "\"naïve café\"", "\"\\u00e9\\n\"", "\"😀\""], new[] { "", "naïve café", "é\n", "😀" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Flat_Data_DecodesEveryElement(TensorDataType type, string wire, string[] elements, Array expected)
    {
        var json = Requests.One("x", "[2, 2]", wire, $"[{string.Join(",", elements)}]");

        var tensor = Requests.Validate(json, [new TensorSpec("x", type, [-1, 2])], []).Inputs[0];

        Assert.Equal(type, tensor.DataType);
        Assert.Equal([2L, 2L], tensor.Shape);
        Assert.Equal(expected, tensor.Data);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nested_Data_DecodesRowMajor(TensorDataType type, string wire, string[] elements, Array expected)
    {
        var json = Requests.One("x", "[2, 2]", wire, $"[[{elements[0]},{elements[1]}],[{elements[2]},{elements[3]}]]");

        var tensor = Requests.Validate(json, [new TensorSpec("x", type, [2, 2])], []).Inputs[0];

        Assert.Equal(expected, tensor.Data);
    }

    [Fact]
    public void Nested_ThreeDimensions_DecodesRowMajor()
    {
        var json = Requests.One("x", "[2, 2, 2]", "INT32", "[[[1,2],[3,4]],[[5,6],[7,8]]]");

        var tensor = Requests.Validate(json, [new TensorSpec("x", TensorDataType.Int32, [-1, -1, -1])], []).Inputs[0];

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], tensor.GetData<int>());
    }

    [Theory]
    [InlineData("7")]
    [InlineData("[7]")]
    public void RankZero_AcceptsBareOrWrappedScalar(string data)
    {
        var tensor = Requests.Validate(Requests.One("x", "[]", "INT64", data), [new TensorSpec("x", TensorDataType.Int64, [])], []).Inputs[0];

        Assert.Equal([7L], tensor.GetData<long>());
        Assert.Empty(tensor.Shape);
    }

    [Theory]
    [InlineData("[0, 3]", "[]")]
    [InlineData("[2, 0]", "[[],[]]")]
    public void ZeroSizedTensor_IsAccepted(string shape, string data)
    {
        var tensor = Requests.Validate(Requests.One("x", shape, "FP32", data), [new TensorSpec("x", TensorDataType.Fp32, [-1, -1])], []).Inputs[0];

        Assert.Empty(tensor.GetData<float>());
    }

    [Fact]
    public void Request_KeepsIdParametersAndRequestedOutputs()
    {
        const string json = """
            {"id":"r-1","parameters":{"priority":3},
             "inputs":[{"name":"x","shape":[1],"datatype":"FP32","parameters":{"binary_data":false},"data":[1.5]}],
             "outputs":[{"name":"b"}],"extension_field":{"ignored":true}}
            """;
        var request = Governance.Inference.Protocol.OipJson.ParseRequest(json);

        var validated = Governance.Inference.Protocol.InferenceRequestBinder.Bind(
            request, [new TensorSpec("x", TensorDataType.Fp32, [-1])], [new TensorSpec("a", TensorDataType.Fp32, [-1]), new TensorSpec("b", TensorDataType.Fp32, [-1])]);

        Assert.Equal("r-1", request.Id);
        Assert.Equal(3, request.Parameters!["priority"].GetInt32());
        Assert.False(request.Inputs[0].Parameters!["binary_data"].GetBoolean());
        Assert.Equal(["b"], validated.OutputNames);
    }

    [Fact]
    public void Request_WithoutOutputs_RequestsEveryOutput()
    {
        var validated = Requests.Validate(Requests.One("x", "[1]", "FP32", "[1]"),
            [new TensorSpec("x", TensorDataType.Fp32, [-1])], [new TensorSpec("a", TensorDataType.Fp32, [-1]), new TensorSpec("b", TensorDataType.Fp32, [-1])]);

        Assert.Equal(["a", "b"], validated.OutputNames);
    }

    [Fact]
    public void Inputs_AreReturnedInModelOrder()
    {
        const string json = """{"inputs":[{"name":"b","shape":[1],"datatype":"INT32","data":[2]},{"name":"a","shape":[1],"datatype":"INT32","data":[1]}]}""";

        var validated = Requests.Validate(json, [new TensorSpec("a", TensorDataType.Int32, [1]), new TensorSpec("b", TensorDataType.Int32, [1])], []);

        Assert.Equal("a", validated.Inputs[0].Name);
        Assert.Equal("b", validated.Inputs[1].Name);
    }
}
