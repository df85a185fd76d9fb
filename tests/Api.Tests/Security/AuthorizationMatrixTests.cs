using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Every endpoint the app maps × every kind of caller (anonymous, admin, compliance, tenant, an
/// integration's client-credentials token, and another tenant aiming at the first tenant's resources)
/// against the expected-access table in <see cref="AuthorizationMatrix"/> (issue 11).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiFactory api)
{
    private const string RoleRefusal = "Your role does not allow this operation.";

    private enum Caller
    {
        Anonymous,
        Admin,
        Compliance,
        Tenant,
        Integration,
        OtherTenant,
    }

    [Fact]
    public void EveryMappedEndpoint_HasARowInTheMatrix_AndEveryRowIsMapped()
    {
        var mapped = EndpointTable.Operations(api.Services);

        Assert.True(mapped.Count >= 40, $"only {mapped.Count} endpoints found");
        Assert.All(mapped, e => Assert.True(AuthorizationMatrix.Entries.ContainsKey(e), $"{e} has no row in AuthorizationMatrix: decide who may call it"));
        Assert.All(AuthorizationMatrix.Entries.Keys, e => Assert.True(mapped.Contains(e), $"{e} is in AuthorizationMatrix but not mapped any more"));
    }

    [Fact]
    public async Task EveryEndpoint_ForEveryCaller_AnswersExactlyAsTheMatrixSays()
    {
        var clients = await ClientsAsync();
        var failures = new List<string>();
        foreach (var (operation, entry) in AuthorizationMatrix.Entries)
        {
            foreach (var (caller, client) in clients)
            {
                var (status, body) = await SendAsync(client, operation.Split(' ')[0], entry);
                var expected = Expected(entry, caller);
                var problem = TryParse(body);
                var detail = problem is { } p && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("detail", out var d) ? d.GetString() : null;
                var wrong = status != expected
                    || (expected == 401 && detail is null)
                    || (expected == 403 && Refused(entry, caller) != (detail == RoleRefusal))
                    || (caller == Caller.OtherTenant && Leaks(body, entry));
                if (wrong)
                {
                    failures.Add($"{operation} as {caller}: expected {expected}, got {status}: {Truncate(body)}");
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} cells differ from the matrix:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task AnotherTenant_SearchingTheAuditTrail_SeesOnlyItsOwnEntries()
    {
        using var acme = api.ClientAs(Roles.Tenant, "acme");
        using var other = api.ClientAs(Roles.Tenant, "other");
        (await acme.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "refund please" })).Dispose();
        (await other.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "refund please" })).Dispose();

        foreach (var (client, tenant) in new[] { (other, "other"), (acme, "acme") })
        {
            var page = await (await client.GetAsync("/api/v1/audit/entries?limit=1000")).ReadJsonAsync();
            var tenants = page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry").GetProperty("tenantId").GetString()).ToList();
            Assert.NotEmpty(tenants);
            Assert.All(tenants, t => Assert.Equal(tenant, t));
        }
    }

    private static int Expected(MatrixEntry entry, Caller caller)
    {
        if (entry.Door != Door.Public && caller == Caller.Anonymous)
        {
            return 401;
        }

        if (Refused(entry, caller))
        {
            return 403;
        }

        return caller == Caller.OtherTenant ? entry.OtherTenant ?? entry.Allowed : entry.Allowed;
    }

    // True when the role itself keeps the caller out (a 403 from authorization, not from the handler or policy).
    private static bool Refused(MatrixEntry entry, Caller caller)
    {
        var tenant = caller is Caller.Tenant or Caller.Integration or Caller.OtherTenant;
        return caller != Caller.Anonymous && entry.Door switch
        {
            Door.Public or Door.AnyRole => false,
            Door.TenantOnly => !tenant,
            Door.ComplianceOrAdmin => caller is not (Caller.Compliance or Caller.Admin),
            _ => caller != Caller.Admin,
        };
    }

    private async Task<Dictionary<Caller, HttpClient>> ClientsAsync()
    {
        var integration = api.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IntegrationTokenAsync());
        return new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = api.CreateClient(),
            [Caller.Admin] = api.ClientAs(Roles.Admin),
            [Caller.Compliance] = api.ClientAs(Roles.Compliance),
            [Caller.Tenant] = api.ClientAs(Roles.Tenant, "acme"),
            [Caller.Integration] = integration,
            [Caller.OtherTenant] = api.ClientAs(Roles.Tenant, "other"),
        };
    }

    // A real integration: a client created for acme, its token from /connect/token.
    private async Task<string> IntegrationTokenAsync()
    {
        using var admin = api.ClientAs(Roles.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/v1/tenants/acme/clients", new { name = "matrix-integration" })).ReadJsonAsync(HttpStatusCode.Created);
        using var anonymous = api.CreateClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = created.GetProperty("clientId").GetString()!,
            ["client_secret"] = created.GetProperty("clientSecret").GetString()!,
        };
        var token = await (await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(form))).ReadJsonAsync();
        return token.GetProperty("access_token").GetString()!;
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, string method, MatrixEntry entry)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), entry.Path);
        if (entry.Body is not null)
        {
            request.Content = new StringContent(entry.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(entry.ContentType);
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static JsonElement? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Nothing of acme reaches tenant "other" beyond the echo of the path it asked for itself.
    private static bool Leaks(string body, MatrixEntry entry) =>
        body.Replace(entry.Path.Split('?')[0], "", StringComparison.Ordinal).Contains("acme", StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "...";
}
