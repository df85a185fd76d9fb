using System.Globalization;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Hostile;

/// <summary>Tensor shape bombs and lies on the Open Inference Protocol: refused before any buffer is sized by them.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostileTensorTests(ApiFactory api)
{
    private const string Infer = "/v2/models/credit-risk/infer";

    [Fact]
    public Task ShapeBombs_AndLies_InJsonTensors_Are4xx() =>
        new HostileHarness(api).AssertAllRefusedAsync(new[]
        {
            ("2^31 x 2^31", "[2147483648, 2147483648]", "FP32", "[1]"),
            ("int64 max", "[9223372036854775807, 2]", "FP32", "[1, 2]"),
            ("product overflows int64", "[4294967296, 4294967296, 4294967296]", "FP32", "[1]"),
            ("negative", "[-1, 4]", "FP32", "[1, 2, 3, 4]"),
            ("fractional", "[1.5, 4]", "FP32", "[1, 2, 3, 4]"),
            ("64 dimensions", "[" + string.Join(',', Enumerable.Repeat(1, 64)) + "]", "FP32", "[1]"),
            ("more data than shape", "[1, 4]", "FP32", "[" + string.Join(',', Enumerable.Repeat(0, 10_000)) + "]"),
            ("BYTES shape bomb", "[2147483648, 2147483648]", "BYTES", "[\"a\"]"),
            ("unknown datatype", "[1, 4]", "FP1024", "[1, 2, 3, 4]"),
            ("strings for floats", "[1, 4]", "FP32", "[\"a\", \"b\", \"c\", \"d\"]"),
            ("float out of range", "[1, 4]", "FP32", "[1e39, 0, 0, 0]"),
        }.Select(c => HostileCase.Json(c.Item1, Roles.Tenant, Infer,
            $"{{\"inputs\":[{{\"name\":\"applicant\",\"shape\":{c.Item2},\"datatype\":\"{c.Item3}\",\"data\":{c.Item4}}}]}}", "acme")));

    [Fact]
    public Task ShapeBombs_AndLies_InBinaryTensors_Are4xx() =>
        new HostileHarness(api).AssertAllRefusedAsync(new[]
        {
            ("declared 1 TiB of binary data", "[1, 4]", 1L << 40),
            ("2^31 x 2^31 over 16 bytes", "[2147483648, 2147483648]", 16L),
            ("negative binary size", "[1, 4]", -16L),
            ("size that disagrees with the shape", "[1, 4]", 8L),
        }.Select(c => Binary(c.Item1, c.Item2, c.Item3)));

    private static HostileCase Binary(string name, string shape, long declared)
    {
        var header = Encoding.UTF8.GetBytes($"{{\"inputs\":[{{\"name\":\"applicant\",\"shape\":{shape},\"datatype\":\"FP32\",\"parameters\":{{\"binary_data_size\":{declared}}}}}]}}");
        return new HostileCase(name, Roles.Tenant, "acme", "POST", Infer, () =>
        {
            var content = HostileCase.Bytes([.. header, .. new byte[16]], "application/octet-stream");
            content.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(CultureInfo.InvariantCulture));
            return content;
        });
    }
}
