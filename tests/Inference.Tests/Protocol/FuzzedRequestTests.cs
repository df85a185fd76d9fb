using System.Text;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;

namespace Governance.Inference.Tests.Protocol;

public sealed class FuzzedRequestTests
{
    private const string Valid = """
        {"id":"a","inputs":[
          {"name":"features","shape":[2,3],"datatype":"FP32","data":[[1.5,2,3],[4,5,-6e2]]},
          {"name":"ids","shape":[2],"datatype":"INT64","data":[7,8]},
          {"name":"flags","shape":[2],"datatype":"BOOL","data":[true,false]},
          {"name":"text","shape":[1],"datatype":"BYTES","data":["h\u00e9llo"]}],
         "outputs":[{"name":"scores"}]}
        """;

    private static readonly TensorSpec[] Inputs =
    [
        new("features", TensorDataType.Fp32, [-1, 3]),
        new("ids", TensorDataType.Int64, [-1]),
        new("flags", TensorDataType.Bool, [2]),
        new("text", TensorDataType.Bytes, [-1]),
    ];

    private static readonly TensorSpec[] Outputs = [new("scores", TensorDataType.Fp32, [-1])];

    private static readonly byte[] Alphabet = Encoding.UTF8.GetBytes("[]{}\",:0123456789.-+eE truefalsnul\\\u00e9");

    [Fact]
    public void RandomByteMutations_OnlyEverSucceedOrThrowInferenceInputException()
    {
        var original = Encoding.UTF8.GetBytes(Valid);
        var random = new Random(20261122);
        for (var round = 0; round < 5000; round++)
        {
            var bytes = (byte[])original.Clone();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(bytes.Length);
                bytes[at] = random.Next(4) == 0 ? (byte)random.Next(256) : Alphabet[random.Next(Alphabet.Length)];
            }

            var ex = Record.Exception(() => InferenceRequestBinder.Bind(OipJson.ParseRequest(bytes), Inputs, Outputs));

            Assert.True(ex is null or InferenceInputException, $"round {round}: {Encoding.UTF8.GetString(bytes)}\n{ex}");
        }
    }
}
