using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Models;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Wire;

/// <summary>
/// The binary tensor data extension as tritonclient and KServe's REST client send it, built byte by
/// byte: JSON header, Inference-Header-Content-Length, raw little-endian tensors after it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BinaryTensorTests(ApiFactory api)
{
    private static readonly float[] Floats = [1.5f, -2.25f, 0.25f, 0f, 42f, -0.5f];

    public static TheoryData<string> Datatypes() => new(Enum.GetNames<TensorDataType>());

    /// <summary>Six elements of each datatype, as raw bytes and as the JSON numbers they mean.</summary>
    private static (byte[] Binary, string[] Json) Sample(TensorDataType type) => type switch
    {
        TensorDataType.Bool => ([1, 0, 1, 1, 0, 0], ["true", "false", "true", "true", "false", "false"]),
        TensorDataType.Uint8 => Of<byte>([0, 1, 127, 128, 254, 255]),
        TensorDataType.Int8 => Of<sbyte>([-128, 127, 0, -1, 5, 6]),
        TensorDataType.Uint16 => Of<ushort>([0, 1, 65535, 256, 2, 3]),
        TensorDataType.Int16 => Of<short>([short.MinValue, short.MaxValue, 0, -1, 2, 3]),
        TensorDataType.Uint32 => Of<uint>([0, 1, uint.MaxValue, 65536, 2, 3]),
        TensorDataType.Int32 => Of<int>([int.MinValue, int.MaxValue, 0, -1, 2, 3]),
        TensorDataType.Uint64 => Of<ulong>([0, 1, ulong.MaxValue, 1UL << 40, 2, 3]),
        TensorDataType.Int64 => Of<long>([long.MinValue, long.MaxValue, 0, -1, 2, 3]),
        TensorDataType.Fp16 => (MemoryMarshal.AsBytes(Floats.Select(f => (Half)f).ToArray().AsSpan()).ToArray(), Texts(Floats)),
        TensorDataType.Fp32 => (MemoryMarshal.AsBytes(Floats.AsSpan()).ToArray(), Texts(Floats)),
        TensorDataType.Fp64 => (MemoryMarshal.AsBytes(Floats.Select(f => (double)f).ToArray().AsSpan()).ToArray(), Texts(Floats)),
        TensorDataType.Bytes => (WireModels.EncodeStrings("hello", "", "wörld", "a b", "x", "yz"),
            ["\"hello\"", "\"\"", "\"w\\u00F6rld\"", "\"a b\"", "\"x\"", "\"yz\""]),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    [Theory]
    [MemberData(nameof(Datatypes))]
    public async Task BinaryInput_WithBinaryOutputRequested_ReturnsTheSameBytesAfterTheJsonHeader(string datatype)
    {
        var type = Enum.Parse<TensorDataType>(datatype);
        var model = await WireModels.IdentityAsync(api, type);
        var (binary, _) = Sample(type);
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var header = new
        {
            inputs = new[] { new { name = "x", shape = new[] { 2, 3 }, datatype = Wire(type), parameters = new { binary_data_size = binary.Length } } },
            parameters = new { binary_data_output = true },
        };

        using var request = WireModels.BinaryRequest($"/v2/models/{model}/infer", header, binary);
        using var response = await client.SendAsync(request);

        var (json, bytes) = await WireModels.ReadBinaryAsync(response);
        var output = json.GetProperty("outputs")[0];
        Assert.Equal("y", output.GetProperty("name").GetString());
        Assert.Equal(Wire(type), output.GetProperty("datatype").GetString());
        Assert.Equal([2, 3], output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.False(output.TryGetProperty("data", out _));
        Assert.Equal(binary.Length, output.GetProperty("parameters").GetProperty("binary_data_size").GetInt32());
        Assert.Equal(binary, bytes);
        Assert.True(json.GetProperty("parameters").GetProperty("audit_sequence").GetInt64() > 0);
    }

    [Theory]
    [MemberData(nameof(Datatypes))]
    public async Task BinaryInput_WithoutBinaryOutput_AnswersJsonWithTheValuesTheBytesMean(string datatype)
    {
        var type = Enum.Parse<TensorDataType>(datatype);
        var model = await WireModels.IdentityAsync(api, type);
        var (binary, expected) = Sample(type);
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var header = new { inputs = new[] { new { name = "x", shape = new[] { 2, 3 }, datatype = Wire(type), parameters = new { binary_data_size = binary.Length } } } };

        using var request = WireModels.BinaryRequest($"/v2/models/{model}/infer", header, binary);
        using var response = await client.SendAsync(request);

        var body = await response.ReadJsonAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var data = body.GetProperty("outputs")[0].GetProperty("data").EnumerateArray().Select(e => Canonical(e)).ToArray();
        Assert.Equal(expected.Select(e => Canonical(JsonDocument.Parse(e).RootElement)), data);
    }

    [Fact]
    public async Task MixedJsonAndBinaryInputs_AreAddedAndOnlyTheRequestedOutputIsBinary()
    {
        var model = await WireModels.AddAsync(api);
        using var client = api.ClientAs(Roles.Tenant, "acme");
        float[] b = [10f, 20f, 30f, 40f];
        var header = new
        {
            inputs = new object[]
            {
                new { name = "a", shape = new[] { 2, 2 }, datatype = "FP32", data = new[] { 1f, 2f, 3f, 4f } },
                new { name = "b", shape = new[] { 2, 2 }, datatype = "FP32", parameters = new { binary_data_size = 16 } },
            },
            outputs = new[] { new { name = "z", parameters = new { binary_data = true } } },
        };

        using var request = WireModels.BinaryRequest($"/v2/models/{model}/infer", header, MemoryMarshal.AsBytes(b.AsSpan()).ToArray());
        using var response = await client.SendAsync(request);

        var (json, bytes) = await WireModels.ReadBinaryAsync(response);
        Assert.Equal(16, json.GetProperty("outputs")[0].GetProperty("parameters").GetProperty("binary_data_size").GetInt32());
        Assert.Equal([11f, 22f, 33f, 44f], MemoryMarshal.Cast<byte, float>(bytes).ToArray());
    }

    [Fact]
    public async Task BinaryOutputFlagFalse_OverridesTheRequestWideSetting()
    {
        var model = await WireModels.AddAsync(api);
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var body = new
        {
            inputs = new[]
            {
                new { name = "a", shape = new[] { 1, 2 }, datatype = "FP32", data = new[] { 1f, 2f } },
                new { name = "b", shape = new[] { 1, 2 }, datatype = "FP32", data = new[] { 3f, 4f } },
            },
            outputs = new[] { new { name = "z", parameters = new { binary_data = false } } },
            parameters = new { binary_data_output = true },
        };

        using var response = await client.PostAsync($"/v2/models/{model}/infer", JsonContent.Create(body));

        var json = await response.ReadJsonAsync();
        Assert.Equal([4f, 6f], json.GetProperty("outputs")[0].GetProperty("data").EnumerateArray().Select(e => e.GetSingle()));
    }

    [Theory]
    [InlineData(15, "binary_data_size")] // one byte short of 2x2 FP32, and one byte left over
    [InlineData(17, "binary_data_size")]
    public async Task BinarySizeThatDoesNotFitTheShape_Returns400NamingTheInput(int size, string expected)
    {
        var model = await WireModels.AddAsync(api);
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var header = new
        {
            inputs = new object[]
            {
                new { name = "a", shape = new[] { 2, 2 }, datatype = "FP32", parameters = new { binary_data_size = size } },
                new { name = "b", shape = new[] { 2, 2 }, datatype = "FP32", data = new[] { 1f, 2f, 3f, 4f } },
            },
        };

        using var request = WireModels.BinaryRequest($"/v2/models/{model}/infer", header, new byte[16]);
        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-inference-input");
        Assert.Equal("a", problem.GetProperty("input").GetString());
        Assert.Contains(expected, problem.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryBytesElementThatIsNotUtf8_Returns400()
    {
        var model = await WireModels.IdentityAsync(api, TensorDataType.Bytes);
        using var client = api.ClientAs(Roles.Tenant, "acme");
        byte[] binary = [.. WireModels.EncodeStrings("ok", "ok"), 2, 0, 0, 0, 0xC3, 0x28];
        var header = new { inputs = new[] { new { name = "x", shape = new[] { 1, 3 }, datatype = "BYTES", parameters = new { binary_data_size = binary.Length } } } };

        using var request = WireModels.BinaryRequest($"/v2/models/{model}/infer", header, binary);
        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-inference-input");
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999")]
    public async Task HeaderLengthThatIsNotInTheBody_Returns400(string length)
    {
        var model = await WireModels.AddAsync(api);
        using var client = api.ClientAs(Roles.Tenant, "acme");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/models/{model}/infer") { Content = new ByteArrayContent("{\"inputs\":[]}"u8.ToArray()) };
        request.Headers.Add("Inference-Header-Content-Length", length);

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-inference-input");
    }

    [Fact]
    public async Task ServerMetadata_AnnouncesTheBinaryTensorExtension()
    {
        using var client = api.CreateClient();

        var body = await (await client.GetAsync("/v2")).ReadJsonAsync();

        Assert.Contains("binary_tensor_data", body.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
    }

    private static string Wire(TensorDataType type) => type switch
    {
        TensorDataType.Fp16 => "FP16",
        TensorDataType.Fp32 => "FP32",
        TensorDataType.Fp64 => "FP64",
        _ => type.ToString().ToUpperInvariant(),
    };

    private static (byte[], string[]) Of<T>(T[] values)
        where T : unmanaged, IFormattable =>
        (MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), values.Select(v => v.ToString(null, System.Globalization.CultureInfo.InvariantCulture)).ToArray());

    private static string[] Texts(float[] values) => values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "s:" + element.GetString(),
        JsonValueKind.Number when element.GetRawText().Contains('.', StringComparison.Ordinal) || element.GetRawText().Contains('E', StringComparison.OrdinalIgnoreCase)
            => "n:" + element.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => element.GetRawText(),
    };
}
