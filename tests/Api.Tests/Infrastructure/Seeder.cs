using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.ModelStore;
using Governance.DemoModels;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>Seeds through the front door, as an admin would: tenants, the demo models, licenses.</summary>
internal sealed class Seeder(ApiFactory factory)
{
    public static readonly DemoModel SupportIntent = DemoModelFactory.SupportIntentClassifier();
    public static readonly DemoModel CreditRisk = DemoModelFactory.CreditRiskScorer();

    public async Task SeedAsync()
    {
        using var admin = factory.ClientAs(Roles.Admin);
        await ExpectAsync(admin.PostAsJsonAsync("/api/v1/tenants", new { id = "acme", name = "Acme Bank" }), HttpStatusCode.Created);
        await ExpectAsync(admin.PostAsJsonAsync("/api/v1/tenants", new { id = "other", name = "Other Corp" }), HttpStatusCode.Created);
        foreach (var model in new[] { SupportIntent, CreditRisk })
        {
            await ExpectAsync(admin.PostAsync("/api/v1/models", RegistrationForm(model.OnnxBytes, ManifestText(model))), HttpStatusCode.Created);
            await ExpectAsync(admin.PostAsJsonAsync("/api/v1/tenants/acme/licenses", new { model = model.Manifest.Name }), HttpStatusCode.Created);
        }
    }

    public static string ManifestText(DemoModel model) => JsonSerializer.Serialize(model.Manifest, ManifestJson.Options);

    public static MultipartFormDataContent RegistrationForm(byte[] onnx, string manifest)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(onnx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "model.onnx");
        form.Add(new StringContent(manifest), "manifest");
        return form;
    }

    private static async Task ExpectAsync(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Seeding failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
