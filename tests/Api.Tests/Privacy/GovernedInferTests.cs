using System.Net;
using System.Net.Http.Json;
using Governance.Api.Pipeline;
using Governance.Api.Tests.Infrastructure;
using Governance.DemoModels;
using Governance.Domain.Models;
using Governance.Inference.Protocol;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Privacy;

/// <summary>Open Inference Protocol calls: text (BYTES) tensors reach the model, the client and the trail only anonymized.</summary>
[Collection(ApiCollection.Name)]
public sealed class GovernedInferTests(ApiFactory api)
{
    private static readonly DemoModel Identity = DemoModelFactory.Identity(TensorDataType.Bytes, [-1]);

    private static string Path => $"/v2/models/{Identity.Manifest.Name}/infer";

    [Fact]
    public async Task Infer_WithAnEmailInABytesInput_TheModelEchoesOnlyTheTokenAndTheTrailHoldsTheAnonymizedDigest()
    {
        await RegisterIdentityAsync();
        using var client = api.ClientAs(Roles.Tenant, "acme");
        const string raw = """{"inputs":[{"name":"x","shape":[2],"datatype":"BYTES","data":["mail jane.roe@example.com today","no personal data"]}]}""";
        const string anonymized = """{"inputs":[{"name":"x","shape":[2],"datatype":"BYTES","data":["mail <EMAIL_ADDRESS> today","no personal data"]}]}""";

        using var response = await client.PostAsync(Path, new StringContent(raw, System.Text.Encoding.UTF8, "application/json"));

        var body = await response.ReadJsonAsync();
        var echoed = body.GetProperty("outputs")[0].GetProperty("data");
        Assert.Equal("mail <EMAIL_ADDRESS> today", echoed[0].GetString());
        Assert.Equal("no personal data", echoed[1].GetString());
        Assert.DoesNotContain("jane", body.GetRawText(), StringComparison.Ordinal);
        var listed = body.GetProperty("parameters").GetProperty("anonymized");
        Assert.Equal(1, listed.GetArrayLength());
        Assert.Equal("EMAIL_ADDRESS", listed[0].GetProperty("entity_type").GetString());
        Assert.Equal(1, listed[0].GetProperty("count").GetInt32());
        var sequence = body.GetProperty("parameters").GetProperty("audit_sequence").GetInt64();
        var expected = Digest(anonymized);
        Assert.NotEqual(Digest(raw), expected);
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND action = 'model.infer' AND input_digest = '{expected}'"));
        Assert.Equal(0, await api.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE input_digest = '{Digest(raw)}'"));
    }

    [Fact]
    public async Task Infer_OnANumericModel_PassesThroughAndListsNothing()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var request = new { inputs = new[] { new { name = "applicant", shape = new[] { 1, 4 }, datatype = "FP32", data = new[] { 50f, 0.3f, 35f, 1f } } } };

        using var response = await client.PostAsJsonAsync("/v2/models/credit-risk/infer", request);

        var body = await response.ReadJsonAsync();
        Assert.False(body.GetProperty("parameters").TryGetProperty("anonymized", out _));
    }

    // Serialized as the handler does it: parsed by the protocol reader, written by the protocol writer.
    private static string Digest(string requestJson) => PayloadDigest.OfBytes(OipJson.SerializeToUtf8Bytes(OipJson.ParseRequest(requestJson)));

    private async Task RegisterIdentityAsync()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using var register = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(Identity.OnnxBytes, Seeder.ManifestText(Identity)));
        Assert.True(register.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await register.Content.ReadAsStringAsync());
        using var license = await admin.PostAsJsonAsync("/api/v1/tenants/acme/licenses", new { model = Identity.Manifest.Name });
        Assert.True(license.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.OK, await license.Content.ReadAsStringAsync());
    }
}
