using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Wire;

/// <summary>/v2 errors as the protocol says ({"error": ...} in application/json); /api/v1 keeps problem+json.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProtocolErrorTests(ApiFactory api)
{
    private static readonly object Applicant = new
    {
        inputs = new[] { new { name = "applicant", shape = new[] { 1, 4 }, datatype = "FP32", data = new[] { 1f, 1f, 1f, 1f } } },
    };

    [Fact]
    public async Task V2Error_IsApplicationJsonWithTheErrorMemberAndTheProblemFields()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsync("/v2/models/credit-risk/infer", new StringContent("{\"inputs\": 5}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
        Assert.Contains(body.GetProperty("code").GetString(), new[] { "malformed-request", "invalid-inference-input" });
    }

    [Fact]
    public async Task ApiV1Error_StaysProblemJson()
    {
        using var client = api.ClientAs(Roles.Tenant, "other");

        using var response = await client.PostAsJsonAsync("/api/v1/models/credit-risk/predict", new { text = "hi" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/v2/models/{0}/infer", "POST")]
    [InlineData("/v2/models/{0}", "GET")]
    [InlineData("/v2/models/{0}/versions/1/infer", "POST")]
    public async Task UnlicensedAndNonexistentModels_LookTheSameToATenant(string template, string method)
    {
        using var client = api.ClientAs(Roles.Tenant, "other");

        using var unlicensed = await SendAsync(client, method, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "credit-risk"));
        using var missing = await SendAsync(client, method, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "no-such-model"));

        var a = await unlicensed.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var b = await missing.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(a.GetProperty("error").GetString()!.Replace("credit-risk", "X", StringComparison.Ordinal),
            b.GetProperty("error").GetString()!.Replace("no-such-model", "X", StringComparison.Ordinal));
        Assert.Equal(Names(a), Names(b));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        method == "GET" ? client.GetAsync(path) : client.PostAsJsonAsync(path, Applicant);

    private static string[] Names(JsonElement problem) =>
        [.. problem.EnumerateObject().Select(p => p.Name).Where(n => n is not ("traceId" or "instance")).Order(StringComparer.Ordinal)];
}
