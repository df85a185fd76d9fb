using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Governance.Api.Pipeline;
using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Security;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Hardening;

/// <summary>
/// A NUL (U+0000) in any string field of any endpoint is a 400 naming the field, never a 500 or a
/// PostgreSQL 22021 (issue 11). The probes are generated from the API's own OpenAPI document; a test
/// below fails when an endpoint is missing from that document, so a new endpoint is probed or noticed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NulCharacterTests(ApiFactory api)
{
    private const string Nul = "a\u0000b";

    // Bodies the OpenAPI document cannot describe (form, multipart, YAML): probed by hand below.
    private static readonly HashSet<string> HandProbed = new(StringComparer.Ordinal) { "POST /connect/token", "POST /api/v1/models", "POST /api/v1/policies" };

    [Fact]
    public async Task EveryStringFieldOfEveryDescribedEndpoint_RefusesNulWith400NamingTheField()
    {
        var probes = await ProbesAsync();
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            var (status, body) = await SendAsync(probe);
            var named = status == HttpStatusCode.BadRequest && body.TryGetProperty("errors", out var errors)
                && errors.EnumerateObject().Any(e => e.Value.ToString().Contains(NulCharacterRule.Message, StringComparison.Ordinal)
                    && (e.Name.StartsWith(probe.Field, StringComparison.OrdinalIgnoreCase) || e.Name.EndsWith(probe.Field, StringComparison.OrdinalIgnoreCase) || probe.Field.EndsWith(e.Name, StringComparison.OrdinalIgnoreCase)));
            if (!named || !body.TryGetProperty("auditSequence", out _))
            {
                failures.Add($"{probe.Method} {probe.Path} [{probe.Field}]: {(int)status} {body}");
            }
        }

        Assert.True(probes.Count >= 25, $"only {probes.Count} probes were generated");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryEndpoint_IsInTheOpenApiDocumentOrProbedByHand()
    {
        var described = await DescribedOperationsAsync();
        var endpoints = EndpointTable.Operations(api.Services);

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.True(described.Contains(e) || HandProbed.Contains(e), $"{e} is neither in the OpenAPI document nor probed by hand"));
    }

    [Theory]
    [InlineData("client_id")]
    [InlineData("client_secret")]
    [InlineData("grant_type")]
    public async Task Token_WithNulInAFormField_Returns400(string field)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "c", ["client_secret"] = "s" };
        form[field] = Nul;
        using var client = api.CreateClient();

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));

        // ASP.NET's form reader refuses the NUL itself, before any field is bound: a 400 that names the form.
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Contains("form", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WithNulInABasicClientId_Returns400()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("a%00b:secret")));

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));

        await AssertNamesAsync(response, "clientId");
    }

    [Fact]
    public async Task PolicyDraft_AndModelManifest_WithNul_Return400()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using var policy = await admin.PostAsync("/api/v1/policies", new StringContent("name: \"a\\0b\"\nrules: []\n", Encoding.UTF8, "application/yaml"));
        var refused = await policy.AssertProblemAsync(HttpStatusCode.BadRequest, "policy-invalid");
        Assert.Contains("NUL", refused.ToString(), StringComparison.Ordinal);

        var manifest = Seeder.ManifestText(Seeder.CreditRisk).Replace("\"applicant\"", "\"appl\\u0000icant\"", StringComparison.Ordinal);
        using var model = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(Seeder.CreditRisk.OnnxBytes, manifest));
        await AssertNamesAsync(model, "manifest.inputs[0].name");
    }

    [Fact]
    public async Task AuditSearch_WithNulInAFilter_Returns400NamingTheFilter_NotA503()
    {
        using var compliance = api.ClientAs(Roles.Compliance);

        using var response = await compliance.GetAsync("/api/v1/audit/entries?actor=a%00b");

        await AssertNamesAsync(response, "actor");
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains(NulCharacterRule.Message, messages.ToString(), StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("auditSequence", out _));
    }

    private async Task<(HttpStatusCode, JsonElement)> SendAsync(Probe probe)
    {
        foreach (var (role, tenant) in new[] { (Roles.Admin, (string?)null), (Roles.Compliance, null), (Roles.Tenant, "acme") })
        {
            using var client = api.ClientAs(role, tenant);
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path);
            if (probe.Body is not null)
            {
                request.Content = new StringContent(probe.Body, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            {
                continue;
            }

            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }

        return (HttpStatusCode.Forbidden, default);
    }

    private async Task<JsonElement> OpenApiAsync()
    {
        using var client = api.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
    }

    private async Task<HashSet<string>> DescribedOperationsAsync()
    {
        var document = await OpenApiAsync();
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {EndpointTable.Normalize(p.Name)}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    private async Task<List<Probe>> ProbesAsync()
    {
        var document = await OpenApiAsync();
        var probes = new List<Probe>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                if (HandProbed.Contains($"{method} {EndpointTable.Normalize(path.Name)}"))
                {
                    continue;
                }

                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                // Path parameters are not probed: the server refuses %00 in the request line itself (Kestrel: 400).
                foreach (var parameter in parameters.Where(x => x.GetProperty("in").GetString() == "query" && IsString(Resolve(document, x.GetProperty("schema")))))
                {
                    var name = parameter.GetProperty("name").GetString()!;
                    var inPath = parameter.GetProperty("in").GetString() == "path";
                    var url = Fill(path.Name, inPath ? name : null) + (inPath ? "" : $"?{name}=a%00b");
                    probes.Add(new Probe(method, url, name, Body(document, operation.Value, null)));
                }

                foreach (var field in BodyStringFields(document, operation.Value))
                {
                    probes.Add(new Probe(method, Fill(path.Name, null), field, Body(document, operation.Value, field)));
                }
            }
        }

        return probes;
    }

    private static IEnumerable<string> BodyStringFields(JsonElement document, JsonElement operation)
    {
        if (JsonSchema(document, operation) is not { } schema || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var resolved = Resolve(document, property.Value);
            if (IsString(resolved) || (resolved.TryGetProperty("items", out var items) && IsString(Resolve(document, items)))
                || (resolved.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object && IsString(Resolve(document, values))))
            {
                yield return property.Name;
            }
        }
    }

    // A JSON body with only the probed field set (as a string, a list of one, or a map of one).
    private static string? Body(JsonElement document, JsonElement operation, string? field)
    {
        if (JsonSchema(document, operation) is not { } schema)
        {
            return null;
        }

        if (field is null)
        {
            return "{}";
        }

        var property = Resolve(document, schema.GetProperty("properties").GetProperty(field));
        object value = IsString(property) ? Nul : property.TryGetProperty("items", out _) ? new[] { Nul } : new Dictionary<string, string> { ["k"] = Nul };
        return JsonSerializer.Serialize(new Dictionary<string, object> { [field] = value });
    }

    private static JsonElement? JsonSchema(JsonElement document, JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? Resolve(document, json.GetProperty("schema"))
            : null;

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    private static bool IsString(JsonElement schema) => schema.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.String ? type.GetString() == "string" : type.EnumerateArray().Any(t => t.GetString() == "string"))
        && !schema.TryGetProperty("format", out _);

    private static string Fill(string template, string? nulParameter)
    {
        var builder = new StringBuilder();
        foreach (var segment in template.Split('/'))
        {
            var name = segment.Trim('{', '}');
            builder.Append(segment.StartsWith('{') ? name == nulParameter ? "a%00b" : Sample(name) : segment).Append('/');
        }

        return builder.ToString().TrimEnd('/');
    }

    private static string Sample(string parameter) => parameter switch
    {
        "model" => "support-intent",
        "tenantId" => "acme",
        _ => "1",
    };

    private sealed record Probe(string Method, string Path, string Field, string? Body);
}
