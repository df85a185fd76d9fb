using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Wire;

/// <summary>Compressed request bodies (tritonclient's request_compression_algorithm), bounded after decompression.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContentEncodingTests(ApiFactory api)
{
    private const string Path = "/v2/models/credit-risk/infer";

    private static readonly byte[] Json = Encoding.UTF8.GetBytes(
        """{"inputs":[{"name":"applicant","shape":[1,4],"datatype":"FP32","data":[50,0.3,35,1]}]}""");

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task CompressedJsonBody_GivesTheSameAnswerAsThePlainOne(string encoding)
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var plain = await client.PostAsync(Path, Content(Json, null));
        using var compressed = await client.PostAsync(Path, Content(Compress(Json, encoding), encoding));

        var expected = (await plain.ReadJsonAsync()).GetProperty("outputs")[0].GetProperty("data")[0].GetSingle();
        Assert.Equal(expected, (await compressed.ReadJsonAsync()).GetProperty("outputs")[0].GetProperty("data")[0].GetSingle());
    }

    [Fact]
    public async Task GzipBodyWithBinaryTensors_IsDecompressedBeforeTheHeaderIsSplit()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var header = JsonSerializer.SerializeToUtf8Bytes(new
        {
            inputs = new[] { new { name = "applicant", shape = new[] { 1, 4 }, datatype = "FP32", parameters = new { binary_data_size = 16 } } },
        });
        float[] row = [50f, 0.3f, 35f, 1f];
        byte[] body = [.. header, .. System.Runtime.InteropServices.MemoryMarshal.AsBytes(row.AsSpan())];
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = Content(Compress(body, "gzip"), "gzip") };
        request.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var binary = await client.SendAsync(request);
        using var plain = await client.PostAsync(Path, Content(Json, null));

        Assert.Equal((await plain.ReadJsonAsync()).GetProperty("outputs")[0].GetProperty("data")[0].GetSingle(),
            (await binary.ReadJsonAsync()).GetProperty("outputs")[0].GetProperty("data")[0].GetSingle());
    }

    [Fact]
    public async Task ZipBomb_Returns413WithoutInflatingItAll()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var audit = await api.AuditCountAsync();
        // 16 MiB of spaces compress to about 16 KiB, under the test server's 64 KiB body limit; inflated, far over it.
        var spaces = new byte[16 * 1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        var bomb = Compress(spaces, "gzip");
        Assert.True(bomb.Length < 65536);

        using var response = await client.PostAsync(Path, Content(bomb, "gzip"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(audit + 1, await api.AuditCountAsync());
    }

    [Fact]
    public async Task BodyThatIsNotGzipDespiteItsHeader_Returns400()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsync(Path, Content(Json, "gzip"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-inference-input");
        Assert.Contains("gzip", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownContentEncoding_Returns415()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsync(Path, Content(Json, "br"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    private static ByteArrayContent Content(byte[] body, string? encoding)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        return content;
    }

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding == "gzip"
            ? new GZipStream(output, CompressionLevel.SmallestSize)
            : new ZLibStream(output, CompressionLevel.SmallestSize))
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
