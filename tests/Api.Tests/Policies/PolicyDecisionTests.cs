using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Policies;

[Collection(PolicyCollection.Name)]
public sealed class PolicyDecisionTests(ApiFactory api)
{
    [Fact]
    public async Task GovernedCall_RecordsTheDecisionAndItsContextButNoPayloadInTheAuditEntry()
    {
        const string secret = "jane.roe@example.com wants a refund";
        var body = await api.PredictAsync(secret, HttpStatusCode.OK);
        var sequence = body.GetProperty("audit").GetProperty("sequence").GetInt64();

        await using var connection = new Npgsql.NpgsqlConnection(api.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await Governance.Testing.AuditSettling.IntegratedAsync(connection);
        await using var command = new Npgsql.NpgsqlCommand($"SELECT policy_version, decision FROM audit_entries WHERE sequence = {sequence}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.IsDBNull(0));
        var decision = JsonDocument.Parse(reader.GetString(1)).RootElement;
        Assert.Equal("allow", decision.GetProperty("effect").GetString());
        Assert.Equal(reader.GetString(0), decision.GetProperty("policy_version").GetString());
        Assert.Contains("license.required", decision.GetProperty("matched").EnumerateArray().Select(e => e.GetString()));
        var context = decision.GetProperty("context");
        Assert.Equal(("tenant", "acme", true, "model.predict"), (context.GetProperty("principal.role").GetString(), context.GetProperty("tenant.id").GetString(),
            context.GetProperty("tenant.licensed").GetBoolean(), context.GetProperty("request.endpoint").GetString()));
        Assert.Contains("pii-bearing", context.GetProperty("model.tags").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("jane", reader.GetString(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GovernedCall_WithADataSubject_RecordsAPseudonymNotTheIdentifier()
    {
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/models/support-intent/predict") { Content = JsonContent.Create(new { text = "refund please" }) };
        request.Headers.Add("X-Data-Subject", "customer-4711");
        request.Headers.Add("X-Purpose", "support");

        using var response = await tenant.SendAsync(request);

        var sequence = (await response.ReadJsonAsync()).GetProperty("audit").GetProperty("sequence").GetInt64();
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND data_subject ~ '^[0-9a-f]{{64}}$' AND decision NOT LIKE '%customer-4711%' " +
            "AND decision::jsonb->'context'->>'request.purpose' = 'support' AND (decision::jsonb->'context'->>'request.data_subject_present')::boolean"));
    }

    [Fact]
    public async Task Evaluate_AnExplicitContext_ReturnsTheDecisionWithItsExplanation()
    {
        using var compliance = api.ClientAs(Roles.Compliance);

        using var response = await compliance.PostAsJsonAsync("/api/v1/policies/evaluate", new
        {
            context = new Dictionary<string, object> { ["principal.role"] = "tenant", ["tenant.id"] = "acme", ["tenant.licensed"] = false, ["model.name"] = "m" },
        });

        var body = await response.ReadJsonAsync();
        Assert.Equal("deny", body.GetProperty("effect").GetString());
        Assert.Equal("license.required", body.GetProperty("denials")[0].GetProperty("ruleId").GetString());
        Assert.Contains("denied by license.required: Tenant 'acme' holds no license for model 'm'", body.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_WithAnUnknownAttribute_Returns400NamingIt()
    {
        using var admin = api.Admin("alice");

        using var response = await admin.PostAsJsonAsync("/api/v1/policies/evaluate", new { context = new Dictionary<string, object> { ["tenant.colour"] = "red", ["time.hour"] = "noon" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("context.tenant.colour", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("context.time.hour", out _));
    }

    [Fact]
    public async Task AnonymizeObligation_DrivesTheModelInputsAnonymization()
    {
        var previous = await ActiveVersionAsync();
        var version = await api.ActivateNewAsync(PolicyApi.DefaultYaml + """

              - id: pii.redact-email
                when: { model.tags: { contains: pii-bearing } }
                obligations:
                  anonymize: { entities: [EMAIL_ADDRESS], operator: redact }
                  retention: { days: 30 }
            """);
        try
        {
            using var tenant = api.ClientAs(Roles.Tenant, "acme");
            using var response = await tenant.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "write to jane.roe@example.com or call +44 20 7946 0958" });

            var body = await response.ReadJsonAsync();
            var counts = body.GetProperty("anonymized").EnumerateArray().Select(a => a.GetProperty("entity_type").GetString()).ToList();
            Assert.Equal(["EMAIL_ADDRESS"], counts);
            Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Policy-Version").Single());
            Assert.Contains("anonymize:redact:EMAIL_ADDRESS", response.Headers.GetValues("X-Policy-Obligations").Single(), StringComparison.Ordinal);
            Assert.Contains("retention:30", response.Headers.GetValues("X-Policy-Obligations").Single(), StringComparison.Ordinal);
        }
        finally
        {
            await api.ActivateAsync(previous);
        }
    }

    private async Task<int> ActiveVersionAsync()
    {
        using var admin = api.Admin("alice");
        using var response = await admin.GetAsync("/api/v1/policies/active");
        return (await response.ReadJsonAsync()).GetProperty("version").GetInt32();
    }
}
