using System.Net;
using System.Net.Http.Json;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Inference;

[Collection(ApiCollection.Name)]
public sealed class InferTests(ApiFactory api)
{
    private const string Path = "/v2/models/credit-risk/infer";

    private static object Applicant(params float[][] rows) => new
    {
        inputs = new[] { new { name = "applicant", shape = new[] { rows.Length, 4 }, datatype = "FP32", data = rows } },
    };

    [Fact]
    public async Task Infer_ByLicensedTenant_ReturnsOutputsWithAuditSequence()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync(Path, Applicant([90f, 0.1f, 45f, 0f], [18f, 0.9f, 22f, 6f]));

        var body = await response.ReadJsonAsync();
        Assert.Equal("credit-risk", body.GetProperty("model_name").GetString());
        var output = body.GetProperty("outputs")[0];
        Assert.Equal("default_probability", output.GetProperty("name").GetString());
        Assert.Equal("FP32", output.GetProperty("datatype").GetString());
        var probabilities = output.GetProperty("data").EnumerateArray().Select(d => d.GetSingle()).ToArray();
        Assert.Equal(2, probabilities.Length);
        Assert.True(probabilities[1] > probabilities[0], "the risky applicant must score higher");
        var sequence = body.GetProperty("parameters").GetProperty("audit_sequence").GetInt64();
        Assert.Equal(1, await api.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND action = 'model.infer' AND status_code = 200"));
    }

    [Fact]
    public async Task Infer_WithNestedAndFlatData_GivesTheSameAnswer()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var flat = new { inputs = new[] { new { name = "applicant", shape = new[] { 1, 4 }, datatype = "FP32", data = new[] { 50f, 0.3f, 35f, 1f } } } };

        using var nestedResponse = await client.PostAsJsonAsync(Path, Applicant([50f, 0.3f, 35f, 1f]));
        using var flatResponse = await client.PostAsJsonAsync(Path, flat);

        var nested = (await nestedResponse.ReadJsonAsync()).GetProperty("outputs")[0].GetProperty("data")[0].GetSingle();
        Assert.Equal(nested, (await flatResponse.ReadJsonAsync()).GetProperty("outputs")[0].GetProperty("data")[0].GetSingle());
    }

    [Fact]
    public async Task Infer_WithWrongDatatype_Returns400NamingTheInput()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var (audit, catalog) = (await api.AuditCountAsync(), await api.CatalogRowCountAsync());
        var body = new { inputs = new[] { new { name = "applicant", shape = new[] { 1, 4 }, datatype = "INT64", data = new[] { 1, 2, 3, 4 } } } };

        using var response = await client.PostAsJsonAsync(Path, body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-inference-input");
        Assert.Equal("applicant", problem.GetProperty("input").GetString());
        Assert.Contains("FP32", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(audit + 1, await api.AuditCountAsync());
        Assert.Equal(catalog, await api.CatalogRowCountAsync());
    }

    [Fact]
    public async Task Infer_WithWrongShape_Returns400NamingTheInputAndExpectedShape()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var body = new { inputs = new[] { new { name = "applicant", shape = new[] { 1, 3 }, datatype = "FP32", data = new[] { 1f, 2f, 3f } } } };

        using var response = await client.PostAsJsonAsync(Path, body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-inference-input");
        Assert.Equal("applicant", problem.GetProperty("input").GetString());
        Assert.Contains("4", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"inputs\": [")]
    [InlineData("not json at all")]
    [InlineData("{\"inputs\": 5}")]
    [InlineData("[]")]
    public async Task Infer_WithMalformedBody_Returns400AndWritesOnlyTheAuditEntry(string json)
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var (audit, catalog) = (await api.AuditCountAsync(), await api.CatalogRowCountAsync());

        using var response = await client.PostAsync(Path, new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemStatusAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem.GetProperty("code").GetString(), new[] { "malformed-request", "invalid-inference-input" });
        Assert.Equal(audit + 1, await api.AuditCountAsync());
        Assert.Equal(catalog, await api.CatalogRowCountAsync());
    }

    [Fact]
    public async Task Infer_OnUnknownModel_IsNotFoundWithoutRevealingTheCatalog()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/v2/models/no-such-model/infer", Applicant([1f, 1f, 1f, 1f]));

        // The same answer as for a model that exists but is not licensed (ProtocolErrorTests); docs/models.md.
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains("no-such-model", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infer_OnUnknownVersion_Returns404()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/v2/models/credit-risk/versions/99/infer", Applicant([1f, 1f, 1f, 1f]));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Infer_WithOversizedBody_Returns413AndWritesOnlyTheAuditEntry()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var audit = await api.AuditCountAsync();
        var huge = "{\"inputs\":[{\"name\":\"applicant\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":[" + string.Join(',', Enumerable.Repeat("1.0", 40_000)) + "]}]}";

        using var response = await client.PostAsync(Path, new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(audit + 1, await api.AuditCountAsync());
    }
}
