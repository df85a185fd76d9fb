using System.Net;
using System.Net.Http.Json;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Audit;
using Governance.DemoModels;
using Governance.Domain.Models;
using Governance.Installation.Security;
using Npgsql;

namespace Governance.Api.Tests.Privacy;

/// <summary>
/// The whole audit record of a call with personal data, every column and the canonical bytes its
/// leaf hash covers, holds none of the raw values: not only the digests are over anonymized payloads.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditRowHoldsNoPiiTests(ApiFactory api)
{
    private static readonly string[] RawValues = ["jane.roe@example.com", "jane.roe", "4111 1111 1111 1111", "4111111111111111", "+1 415 555 2671"];

    [Fact]
    public async Task Predict_WithPii_TheAuditRowHoldsNoRawValueInAnyColumn()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/models/support-intent/predict",
            new { text = "Card 4111 1111 1111 1111, mail jane.roe@example.com, phone +1 415 555 2671" });

        var body = await response.ReadJsonAsync();
        await AssertRowIsCleanAsync(body.GetProperty("audit").GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Infer_WithPiiInBytesDataAndInParameters_TheModelSeesTokensAndTheAuditRowHoldsNoRawValue()
    {
        var identity = DemoModelFactory.Identity(TensorDataType.Bytes, [-1]);
        await RegisterAsync(identity);
        using var client = api.ClientAs(Roles.Tenant, "acme");
        const string raw = """
            {"parameters":{"note":"card 4111 1111 1111 1111"},
             "inputs":[{"name":"x","shape":[1],"datatype":"BYTES","data":["mail jane.roe@example.com"],"parameters":{"who":"+1 415 555 2671"}}]}
            """;

        using var response = await client.PostAsync($"/v2/models/{identity.Manifest.Name}/infer",
            new StringContent(raw, System.Text.Encoding.UTF8, "application/json"));

        var body = await response.ReadJsonAsync();
        Assert.Equal("mail <EMAIL_ADDRESS>", body.GetProperty("outputs")[0].GetProperty("data")[0].GetString());
        var listed = body.GetProperty("parameters").GetProperty("anonymized").EnumerateArray()
            .Select(a => $"{a.GetProperty("entity_type").GetString()}:{a.GetProperty("count").GetInt32()}");
        Assert.Equal(["CREDIT_CARD:1", "EMAIL_ADDRESS:1", "PHONE_NUMBER:1"], listed);
        foreach (var value in RawValues)
        {
            Assert.DoesNotContain(value, body.GetRawText(), StringComparison.Ordinal);
        }

        await AssertRowIsCleanAsync(body.GetProperty("parameters").GetProperty("audit_sequence").GetInt64());
    }

    private async Task RegisterAsync(DemoModel model)
    {
        using var admin = api.ClientAs(Roles.Admin);
        using var register = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(model.OnnxBytes, Seeder.ManifestText(model)));
        Assert.True(register.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await register.Content.ReadAsStringAsync());
        using var license = await admin.PostAsJsonAsync("/api/v1/tenants/acme/licenses", new { model = model.Manifest.Name });
        Assert.True(license.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.OK, await license.Content.ReadAsStringAsync());
    }

    private async Task AssertRowIsCleanAsync(long sequence)
    {
        Assert.Equal(1, await api.ScalarAsync($"SELECT count(*) FROM audit_records WHERE id = audit_record_id({sequence})"));
        await using var dataSource = NpgsqlDataSource.Create(api.Database.OwnerConnectionString);
        var canonical = (await new AuditReader(dataSource).GetAsync(sequence, CancellationToken.None))!.Canonical;
        foreach (var value in RawValues)
        {
            var literal = value.Replace("'", "''", StringComparison.Ordinal);
            Assert.Equal(0, await api.ScalarAsync(
                $"SELECT count(*) FROM audit_records r WHERE id = audit_record_id({sequence}) AND strpos(row_to_json(r)::text, '{literal}') > 0"));
            Assert.Equal(-1, canonical.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)));
        }
    }
}
