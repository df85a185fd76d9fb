using BenchmarkDotNet.Attributes;
using Governance.Benchmarks.Setup;
using Governance.DemoModels;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;

namespace Governance.Benchmarks;

/// <summary>
/// credit-risk through the Open Inference Protocol: a bare ONNX Runtime run over prebuilt tensors
/// against what the API does per call minus HTTP, auth and audit (parse the UTF-8 body, validate and
/// run, serialize the response), for 1 and 32 rows. The "only" rows split our path into its parts.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class that derives from each benchmark class.</remarks>
[MemoryDiagnoser]
public class ProtocolPathBenchmarks
{
    private LoadedModel _model = null!;
    private BareRun _bare = null!;
    private byte[] _requestJson = null!;
    private InferenceRequest _parsed = null!;
    private InferenceResponse _response = null!;

    [Params(1, 32)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var demo = DemoModelFactory.CreditRiskScorer();
        var manifest = demo.Manifest;
        var features = CreditRiskRows.Features(Rows);
        _model = DemoSessions.LoadGoverned(demo);
        _bare = new BareRun(
            DemoSessions.OpenBare(demo),
            manifest.Inputs[0].Name,
            [Rows, CreditRiskRows.Width],
            manifest.Outputs[0].Name,
            [Rows, 1]);
        features.CopyTo(_bare.Input, 0);
        _requestJson = CreditRiskRows.RequestJson(features, Rows);
        _parsed = OipJson.ParseRequest(_requestJson);
        _response = _model.Run(_parsed, CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _model.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare ORT Run")]
    public float[] BareRun() => _bare.Run();

    [Benchmark(Description = "OIP: parse + RunAsync + serialize")]
    public async Task<byte[]> OipPathAsync()
    {
        var request = OipJson.ParseRequest(_requestJson);
        var response = await _model.RunAsync(request, CancellationToken.None).ConfigureAwait(false);
        return OipJson.SerializeToUtf8Bytes(response);
    }

    [Benchmark(Description = "only ParseRequest")]
    public InferenceRequest ParseOnly() => OipJson.ParseRequest(_requestJson);

    [Benchmark(Description = "only validate + run")]
    public InferenceResponse RunOnly() => _model.Run(_parsed, CancellationToken.None);

    [Benchmark(Description = "only serialize response")]
    public byte[] SerializeOnly() => OipJson.SerializeToUtf8Bytes(_response);
}
