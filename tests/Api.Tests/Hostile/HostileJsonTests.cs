using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Hostile;

/// <summary>Malformed, oversized and deeply nested JSON, NUL and lone surrogates, on every JSON body kind.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostileJsonTests(ApiFactory api)
{
    private const string Predict = "/api/v1/models/support-intent/predict";
    private const string Infer = "/v2/models/credit-risk/infer";

    // Each with the member the hostile value goes into: one the endpoint reads.
    private static readonly (string Role, string? Tenant, string Path, string Field)[] JsonEndpoints =
    [
        (Roles.Tenant, "acme", Predict, "text"),
        (Roles.Tenant, "acme", Infer, "id"),
        (Roles.Tenant, "acme", "/api/v1/pii/analyze", "text"),
        (Roles.Tenant, "acme", "/api/v1/pii/anonymize", "text"),
        (Roles.Tenant, "acme", "/presidio/analyze", "text"),
        (Roles.Tenant, "acme", "/presidio/anonymize", "text"),
        (Roles.Compliance, null, "/api/v1/deanonymize", "text"),
        (Roles.Compliance, null, "/api/v1/policies/evaluate", "context"),
        (Roles.Admin, null, "/api/v1/tenants", "name"),
        (Roles.Admin, null, "/api/v1/tenants/acme/licenses", "model"),
        (Roles.Admin, null, "/api/v1/tenants/acme/clients", "name"),
    ];

    [Fact]
    public Task MalformedJson_OnEveryJsonEndpoint_Is4xx() =>
        new HostileHarness(api).AssertAllRefusedAsync(Everywhere(
            ("truncated", "{\"text\": \"a"),
            ("trailing garbage", "{\"text\":\"a\"} {"),
            ("bare string", "\"text\""),
            ("single quotes", "{'text': 'a'}"),
            ("comment", "{/* x */ \"text\": \"a\"}"),
            ("trailing comma", "{\"text\": \"a\",}"),
            ("number overflow", "{\"text\": 1e999999, \"inputs\": 1e999999, \"id\": 1e999999}"),
            ("empty", "")));

    [Fact]
    public Task DeeplyNestedJson_OnEveryJsonEndpoint_Is4xx() =>
        new HostileHarness(api).AssertAllRefusedAsync(Everywhere(
            ("10k arrays", "{\"text\": \"a\", \"x\": " + new string('[', 10_000) + new string(']', 10_000) + "}"),
            ("5k objects", "{\"text\": \"a\", \"x\": " + string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000) + "}"),
            ("unclosed 30k", new string('[', 30_000))));

    [Fact]
    public Task DeepJson_InsideFieldsTheHandlersWalk_Is4xx() =>
        new HostileHarness(api).AssertAllRefusedAsync(
        [
            HostileCase.Json("deep tensor data", Roles.Tenant, Infer,
                "{\"inputs\":[{\"name\":\"applicant\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":" + new string('[', 2_000) + "1" + new string(']', 2_000) + "}]}", "acme"),
            HostileCase.Json("deep parameters", Roles.Tenant, Infer,
                "{\"parameters\":{\"p\":" + new string('[', 2_000) + new string(']', 2_000) + "},\"inputs\":[]}", "acme"),
            HostileCase.Json("deep policy context", Roles.Compliance, "/api/v1/policies/evaluate",
                "{\"context\":" + string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000) + "}"),
            HostileCase.Json("deep operators", Roles.Tenant, "/api/v1/pii/anonymize",
                "{\"text\":\"a\",\"operators\":{\"EMAIL_ADDRESS\":{\"type\":" + new string('[', 2_000) + new string(']', 2_000) + "}}}", "acme"),
        ]);

    [Fact]
    public Task OversizedBodies_Are413_BeforeAnythingIsParsed() =>
        new HostileHarness(api).AssertAllRefusedAsync(JsonEndpoints.Select(e =>
            HostileCase.Json($"70 KB text {e.Path}", e.Role, e.Path, $"{{\"{e.Field}\": \"" + new string('x', 70_000) + "\"}", e.Tenant)));

    [Fact]
    public Task InvalidUtf8_AndLoneSurrogates_Are4xx() =>
        new HostileHarness(api).AssertAllRefusedAsync(
        [
            .. JsonEndpoints.Select(e => HostileCase.Raw($"invalid UTF-8 {e.Path}", e.Role, e.Path, [.. Encoding.UTF8.GetBytes($"{{\"{e.Field}\": \""), 0xff, 0xfe, 0xc0, 0x80, .. "\"}"u8], "application/json", e.Tenant)),
            .. JsonEndpoints.Select(e => HostileCase.Raw($"UTF-8 surrogate bytes {e.Path}", e.Role, e.Path, [.. Encoding.UTF8.GetBytes($"{{\"{e.Field}\": \"a"), 0xed, 0xa0, 0x80, .. "\"}"u8], "application/json", e.Tenant)),
            HostileCase.Json("lone high surrogate, new tenant name", Roles.Admin, "/api/v1/tenants", "{\"id\":\"hostile-lone\",\"name\":\"a\\ud800b\"}"),
            HostileCase.Json("lone low surrogate, client name", Roles.Admin, "/api/v1/tenants/acme/clients", "{\"name\":\"a\\udc00\"}"),
            HostileCase.Json("lone surrogate, license model", Roles.Admin, "/api/v1/tenants/acme/licenses", "{\"model\":\"\\ud800\"}"),
            HostileCase.Json("lone surrogate, presidio text", Roles.Tenant, "/presidio/analyze", "{\"text\":\"a\\ud800\",\"language\":\"en\"}", "acme"),
            HostileCase.Json("lone surrogate, anonymize tenant", Roles.Admin, "/api/v1/pii/anonymize", "{\"text\":\"a\",\"tenant\":\"\\ud800\"}"),
            HostileCase.Json("lone surrogate, deanonymize tenant", Roles.Compliance, "/api/v1/deanonymize", "{\"text\":\"a\",\"tenant\":\"\\udfff\"}"),
            HostileCase.Get("lone surrogate decoded as U+FFFD, audit filter", Roles.Compliance, "/api/v1/audit/entries?actor=%ED%A0%80"),
            HostileCase.Get("lone surrogate decoded as U+FFFD, audit tenant", Roles.Compliance, "/api/v1/audit/entries?tenant=%ED%B0%80x"),
            HostileCase.Json("NUL in a tenant id", Roles.Admin, "/api/v1/tenants", "{\"id\":\"a\\u0000b\",\"name\":\"n\"}"),
        ]);

    private static IEnumerable<HostileCase> Everywhere(params (string Name, string Json)[] bodies) =>
        from e in JsonEndpoints from b in bodies select HostileCase.Raw($"{b.Name} {e.Path}", e.Role, e.Path, Encoding.UTF8.GetBytes(b.Json.Replace("\"text\"", $"\"{e.Field}\"", StringComparison.Ordinal)), "application/json", e.Tenant);
}
