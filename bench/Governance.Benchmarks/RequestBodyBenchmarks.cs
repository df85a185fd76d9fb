using BenchmarkDotNet.Attributes;
using Governance.Api.Configuration;
using Governance.Api.Features.Inference;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Benchmarks;

/// <summary>
/// Reading one credit-risk OIP body as the /v2 infer endpoint does (issue 12): allocations per call are
/// the figure to watch. Plain with Content-Length is the common case (one exact array); gzip goes
/// through the bounded decompressing path.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class that derives from each benchmark class.</remarks>
[MemoryDiagnoser]
public class RequestBodyBenchmarks
{
    private static readonly byte[] Body = """{"inputs":[{"name":"applicant","shape":[1,4],"datatype":"FP32","data":[50,0.3,35,1]}]}"""u8.ToArray();
    private IServiceProvider _services = null!;
    private byte[] _gzipped = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddSingleton(Options.Create(new GovernanceOptions())).BuildServiceProvider();
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Body);
        }

        _gzipped = compressed.ToArray();
    }

    [Benchmark(Baseline = true)]
    public Task<Governance.Inference.Protocol.InferenceRequest> PlainWithLength() => InferenceBody.ReadAsync(Request(Body, null).Request, CancellationToken.None);

    [Benchmark]
    public Task<Governance.Inference.Protocol.InferenceRequest> Gzip() => InferenceBody.ReadAsync(Request(_gzipped, "gzip").Request, CancellationToken.None);

    private DefaultHttpContext Request(byte[] body, string? encoding)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = body.Length;
        if (encoding is not null)
        {
            context.Request.Headers.ContentEncoding = encoding;
        }

        return context;
    }
}
