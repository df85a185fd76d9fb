using System.Net;
using System.Net.Http.Json;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Auditing;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Pipeline;

/// <summary>
/// A search by action finds a call whether it was refused before the pipeline or answered inside it:
/// both entries carry the same name (issue 10), found here through the audit search API itself.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OneActionPerCallTests(ApiFactory api)
{
    [Fact]
    public async Task V2Infer_RefusedBeforeThePipeline_AndAnswered_AreBothFoundUnderModelInfer()
    {
        var path = $"/v2/models/{Seeder.CreditRisk.Manifest.Name}/infer";
        const string body = """{"inputs":[{"name":"applicant","shape":[1,4],"datatype":"FP32","data":[50,0.3,35,1]}]}""";
        using var anonymous = api.CreateClient();
        using var refused = await anonymous.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        using var answered = await tenant.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var found = await SearchAsync(AuditActions.ModelInfer);
        Assert.Contains(SequenceOf(refused), found);
        Assert.Contains(SequenceOf(answered), found);
    }

    [Fact]
    public async Task LicenseGrant_RefusedByAuthorization_AndMade_AreBothFoundUnderLicenseGrant()
    {
        using var compliance = api.ClientAs(Roles.Compliance);
        using var refused = await compliance.PostAsJsonAsync("/api/v1/tenants/other/licenses", new { model = Seeder.CreditRisk.Manifest.Name });
        using var admin = api.ClientAs(Roles.Admin);
        using var made = await admin.PostAsJsonAsync("/api/v1/tenants/other/licenses", new { model = Seeder.CreditRisk.Manifest.Name });
        try
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
            var found = await SearchAsync(AuditActions.LicenseGrant);
            Assert.Contains(SequenceOf(refused), found);
            Assert.Contains(SequenceOf(made), found);
        }
        finally
        {
            using var revoked = await admin.DeleteAsync($"/api/v1/tenants/other/licenses/{Seeder.CreditRisk.Manifest.Name}");
        }
    }

    private static long SequenceOf(HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("X-Audit-Sequence").Single(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<long>> SearchAsync(string action)
    {
        using var compliance = api.ClientAs(Roles.Compliance);
        var found = new List<long>();
        string? cursor = null;
        do
        {
            using var response = await compliance.GetAsync($"/api/v1/audit/entries?action={action}&limit=500" + (cursor is null ? "" : "&cursor=" + cursor));
            var page = await response.ReadJsonAsync();
            found.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);

        return found;
    }
}
