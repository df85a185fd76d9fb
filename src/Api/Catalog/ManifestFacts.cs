using System.Text.Json;
using Governance.Domain.Policies;
using V = Governance.Domain.Policies.PolicyVocabulary;

namespace Governance.Api.Catalog;

/// <summary>
/// What a decision context takes from a model's manifest: tags always; data categories and license
/// terms when the manifest declares them. Read once per reload, not once per call.
/// </summary>
public sealed record ManifestFacts(string[] Tags, string[] DataCategories, string? LicenseId, bool? Commercial, string[]? Purposes, bool HasLicense)
{
    public static ManifestFacts Parse(string manifestJson)
    {
        using var manifest = JsonDocument.Parse(manifestJson);
        var root = manifest.RootElement;
        string? id = null;
        bool? commercial = null;
        string[]? purposes = null;
        var hasLicense = root.TryGetProperty("license", out var license) && license.ValueKind == JsonValueKind.Object;
        if (hasLicense)
        {
            id = license.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            commercial = license.TryGetProperty("commercial", out var c) && c.ValueKind is JsonValueKind.True or JsonValueKind.False ? c.GetBoolean() : null;
            purposes = Strings(license, "purposes");
        }

        return new ManifestFacts(Strings(root, "tags") ?? [], Strings(root, "dataCategories") ?? [], id, commercial, purposes, hasLicense);
    }

    public void ApplyTo(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Set(V.ModelTags, PolicyValue.Of(Tags));
        context.Set(V.ModelDataCategories, PolicyValue.Of(DataCategories));
        if (!HasLicense)
        {
            return;
        }

        if (LicenseId is not null)
        {
            context.Set(V.ModelLicenseId, PolicyValue.Of(LicenseId));
        }

        if (Commercial is { } commercial)
        {
            context.Set(V.ModelLicenseCommercial, PolicyValue.Of(commercial));
        }

        context.Set(V.ModelLicensePurposes, PolicyValue.Of(Purposes));
    }

    private static string[]? Strings(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : null;
}
