using System.Globalization;
using Governance.DemoModels;
using Governance.DemoModels.Onnx;
using Governance.Domain.Models;
using Governance.Inference.Batching;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Batching;

/// <summary>
/// /v2 tensor batching on real ONNX Runtime sessions. The queue delay is far longer than any test, so a batch runs
/// only when it is full: the session-run counts below are exact, not a matter of timing.
/// </summary>
public sealed class TensorBatcherTests
{
    private const int Never = 30_000_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CreditRisk_RequestsOfSeveralRows_RunOnce_AndMatchUnbatched()
    {
        using var plain = Models.Load(Models.CreditRisk);
        using var model = Load(Models.CreditRisk, new BatchingSpec(8, Never));
        var batcher = new TensorBatcher(model);
        int[] rows = [1, 3, 2, 2];
        var requests = rows.Select((r, k) => Request("applicant", [r, 4], "FP32", Features(r, k))).ToArray();
        var before = model.SessionRuns;

        var runs = await Task.WhenAll(requests.Select(r => Task.Run(() => batcher.RunAsync(r, CancellationToken.None)))).WaitAsync(Deadline);

        Assert.Equal(1, model.SessionRuns - before);
        Assert.Equal(1, runs.Sum(r => r.Executions));
        for (var k = 0; k < requests.Length; k++)
        {
            var expected = plain.Run(requests[k], CancellationToken.None).Outputs[0];
            var actual = Assert.Single(runs[k].Response.Outputs);
            Assert.Equal(expected.Shape, actual.Shape);
            Assert.Equal([rows[k], 1L], actual.Shape);
            var want = expected.GetData<float>();
            var got = actual.GetData<float>();
            for (var i = 0; i < want.Length; i++)
            {
                Assert.True(Math.Abs(want[i] - got[i]) <= 1e-6f, $"request {k} row {i}: {want[i]} vs {got[i]}");
            }
        }
    }

    public static TheoryData<TensorDataType, string, string, string> Datatypes() => new()
    {
        { TensorDataType.Bool, "BOOL", "[true,false,true]", "[false,false,true,true,true,false,true,false,false]" },
        { TensorDataType.Uint8, "UINT8", "[0,1,255]", "[2,3,4,5,6,7,8,9,10]" },
        { TensorDataType.Int64, "INT64", "[-9223372036854775808,0,9223372036854775807]", "[1,2,3,4,5,6,7,8,9]" },
        { TensorDataType.Fp16, "FP16", "[-65504,0.25,\"Infinity\"]", "[1,2,3,4,5,6,7,8,9]" },
        { TensorDataType.Fp64, "FP64", "[5E-324,-1.5,\"NaN\"]", "[1,2,3,4,5,6,7,8,9]" },
        { TensorDataType.Bytes, "BYTES", "[\"\",\"jane.doe@example.com\",\"caf\u00e9\"]", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"\ud83d\ude00\",\"h\",\"\"]" },
    };

    [Theory]
    [MemberData(nameof(Datatypes))]
    public async Task Identity_EveryDatatype_BatchedRowsComeBackToTheirOwnCaller(TensorDataType type, string wire, string one, string three)
    {
        using var model = Load(DemoModelFactory.Identity(type, [-1, 3]), new BatchingSpec(4, Never));
        var batcher = new TensorBatcher(model);
        var first = Request("x", [1, 3], wire, one);
        var second = Request("x", [3, 3], wire, three);
        var before = model.SessionRuns;

        var runs = await Task.WhenAll(batcher.RunAsync(first, CancellationToken.None), batcher.RunAsync(second, CancellationToken.None)).WaitAsync(Deadline);

        Assert.Equal(1, model.SessionRuns - before);
        AssertEcho(first, runs[0]);
        AssertEcho(second, runs[1]);
    }

    [Theory]
    [InlineData("[-1]", "[2]", "[1,2]")]
    [InlineData("[-1,2,3]", "[1,2,3]", "[1,2,3,4,5,6]")]
    [InlineData("[-1,0]", "[3,0]", "[]")]
    [InlineData("[-1,-1,-1]", "[1,1,2]", "[7,8]")]
    public async Task Identity_ConformanceLikeShapes_BatchedEqualsInput(string declared, string shape, string data)
    {
        var dims = Parse(declared);
        var requestShape = Parse(shape);
        using var model = Load(DemoModelFactory.Identity(TensorDataType.Fp32, dims), new BatchingSpec((int)requestShape[0] * 2, Never));
        var batcher = new TensorBatcher(model);
        var requests = new[] { Request("x", requestShape, "FP32", data), Request("x", requestShape, "FP32", data) };
        var before = model.SessionRuns;

        var runs = await Task.WhenAll(requests.Select(r => batcher.RunAsync(r, CancellationToken.None))).WaitAsync(Deadline);

        Assert.Equal(1, model.SessionRuns - before);
        AssertEcho(requests[0], runs[0]);
        AssertEcho(requests[1], runs[1]);
    }

    [Fact]
    public async Task DifferentSequenceLengths_NeverShareARun()
    {
        using var model = Load(DemoModelFactory.Identity(TensorDataType.Fp32, [-1, -1]), new BatchingSpec(2, Never));
        var batcher = new TensorBatcher(model);
        var requests = new[]
        {
            Request("x", [1, 2], "FP32", "[1,2]"), Request("x", [1, 3], "FP32", "[3,4,5]"),
            Request("x", [1, 2], "FP32", "[6,7]"), Request("x", [1, 3], "FP32", "[8,9,10]"),
        };
        var before = model.SessionRuns;

        var runs = await Task.WhenAll(requests.Select(r => batcher.RunAsync(r, CancellationToken.None))).WaitAsync(Deadline);

        // Two full groups of two: had widths mixed, a run would have had to pad or fail.
        Assert.Equal(2, model.SessionRuns - before);
        for (var k = 0; k < requests.Length; k++)
        {
            AssertEcho(requests[k], runs[k]);
        }
    }

    [Fact]
    public async Task CancelledQueuedRequest_LeavesTheBatch_AndTheOthersStillRunTogether()
    {
        using var model = Load(DemoModelFactory.Identity(TensorDataType.Fp32, [-1, 1]), new BatchingSpec(3, Never));
        var batcher = new TensorBatcher(model);
        using var leaving = new CancellationTokenSource();
        var before = model.SessionRuns;

        var gone = batcher.RunAsync(Request("x", [1, 1], "FP32", "[0]"), leaving.Token);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone.WaitAsync(Deadline));
        var requests = Enumerable.Range(1, 3).Select(i => Request("x", [1, 1], "FP32", $"[{i}]")).ToArray();
        var runs = await Task.WhenAll(requests.Select(r => batcher.RunAsync(r, CancellationToken.None))).WaitAsync(Deadline);

        Assert.Equal(1, model.SessionRuns - before);
        for (var k = 0; k < requests.Length; k++)
        {
            AssertEcho(requests[k], runs[k]);
        }
    }

    [Fact]
    public async Task MalformedRequest_FailsBeforeQueuing_AndTheBatchRunsWithoutIt()
    {
        using var model = Load(DemoModelFactory.Identity(TensorDataType.Fp32, [-1, 2]), new BatchingSpec(2, Never));
        var batcher = new TensorBatcher(model);
        var before = model.SessionRuns;

        await Assert.ThrowsAsync<InferenceInputException>(() => batcher.RunAsync(Request("x", [1, 3], "FP32", "[1,2,3]"), CancellationToken.None));
        var requests = new[] { Request("x", [1, 2], "FP32", "[1,2]"), Request("x", [1, 2], "FP32", "[3,4]") };
        var runs = await Task.WhenAll(requests.Select(r => batcher.RunAsync(r, CancellationToken.None))).WaitAsync(Deadline);

        Assert.Equal(1, model.SessionRuns - before);
        AssertEcho(requests[0], runs[0]);
        AssertEcho(requests[1], runs[1]);
    }

    [Fact]
    public async Task ValuesTheModelRejects_FailOnlyTheirRequest()
    {
        // Gather from a four-element table: index 9 is valid input for the manifest but out of range for the graph.
        using var model = Load(GatherModel(), new BatchingSpec(3, Never));
        var batcher = new TensorBatcher(model);

        var good = batcher.RunAsync(Request("index", [1], "INT64", "[0]"), CancellationToken.None);
        var bad = batcher.RunAsync(Request("index", [1], "INT64", "[9]"), CancellationToken.None);
        var alsoGood = batcher.RunAsync(Request("index", [1], "INT64", "[3]"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InferenceInputException>(() => bad.WaitAsync(Deadline));
        Assert.Equal(InferenceErrorCodes.RejectedByModel, error.Code);
        var first = (await good.WaitAsync(Deadline)).Response.Outputs[0].GetData<float>();
        var last = (await alsoGood.WaitAsync(Deadline)).Response.Outputs[0].GetData<float>();
        Assert.Equal(10f, Assert.Single(first));
        Assert.Equal(40f, Assert.Single(last));
    }

    [Fact]
    public async Task RequestOfMaxBatchSizeOrMore_RunsAloneAtOnce()
    {
        using var model = Load(DemoModelFactory.Identity(TensorDataType.Fp32, [-1, 1]), new BatchingSpec(2, Never));
        var batcher = new TensorBatcher(model);
        var request = Request("x", [5, 1], "FP32", "[1,2,3,4,5]");

        var run = await batcher.RunAsync(request, CancellationToken.None).WaitAsync(Deadline);

        AssertEcho(request, run);
        Assert.Equal(1, run.Executions);
    }

    [Theory]
    [InlineData("[4]")]
    [InlineData("[]")]
    [InlineData("[2,-1]")]
    public void Manifest_WithoutABatchDimension_CannotBatch(string shape)
    {
        var manifest = DemoModelFactory.Identity(TensorDataType.Fp32, Parse(shape)).Manifest with { Batching = new BatchingSpec(4) };

        var problems = TensorBatcher.Problems(manifest).ToList();

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("batch dimension (-1)", p, StringComparison.Ordinal));
        Assert.Empty(TensorBatcher.Problems(manifest with { Batching = null }));
    }

    private static LoadedModel Load(DemoModel demo, BatchingSpec spec) =>
        Models.Loader.Load(demo.OnnxBytes, ModelLoader.ComputeSha256(demo.OnnxBytes), demo.Manifest with { Batching = spec }, CancellationToken.None);

    private static InferenceRequest Request(string name, long[] shape, string datatype, string data) =>
        OipJson.ParseRequest(Requests.One(name, $"[{string.Join(',', shape)}]", datatype, data));

    private static long[] Parse(string shape) => System.Text.Json.JsonSerializer.Deserialize<long[]>(shape)!;

    private static string Features(int rows, int seed) =>
        "[" + string.Join(',', Enumerable.Range(0, rows * 4).Select(i => ((seed * 7.5) + (i * 1.25)).ToString(CultureInfo.InvariantCulture))) + "]";

    private static void AssertEcho(InferenceRequest request, TensorRun run)
    {
        var input = InferenceRequestBinder.Bind(request, [new TensorSpec(request.Inputs[0].Name, RequestInputDecoding.ParseDatatype(request.Inputs[0]), [.. RequestInputDecoding.ParseShape(request.Inputs[0])])], []).Inputs[0];
        var output = Assert.Single(run.Response.Outputs);
        Assert.Equal(input.Shape, output.Shape);
        Assert.Equal(input.Data.Cast<object>(), output.Data.Cast<object>());
    }

    private static DemoModel GatherModel()
    {
        var graph = new OnnxGraph(
            "gather",
            [new OnnxNode("gather", "Gather", ["table", "index"], ["value"])],
            [OnnxTensor.FromFloats("table", [4], [10f, 20f, 30f, 40f])],
            [new OnnxValueInfo("index", OnnxElementType.Int64, [-1])],
            [new OnnxValueInfo("value", OnnxElementType.Float, [-1])]);
        var onnx = OnnxWriter.Serialize(new OnnxModel(8, "tests", [new OnnxOpset("", 17)], graph));
        var manifest = new ModelManifest(
            "gather", "1", "lookup", ["test"], [new TensorSpec("index", TensorDataType.Int64, [-1])], [new TensorSpec("value", TensorDataType.Fp32, [-1])], []);
        return new DemoModel(onnx, manifest, new Dictionary<string, double>());
    }
}
