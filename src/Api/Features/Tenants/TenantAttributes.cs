namespace Governance.Api.Features.Tenants;

/// <summary>
/// The values tenant.region and tenant.tier may take (docs/tenants.md). Closed sets, also enforced by
/// the database (0007_tenant_attributes.sql), so a policy literal cannot miss a tenant by spelling.
/// </summary>
public static class TenantAttributes
{
    /// <summary>Data-residency regions: the EU/EEA as one, then single jurisdictions by ISO 3166 code.</summary>
    public static readonly IReadOnlyList<string> Regions = ["eu", "uk", "ch", "us", "ca", "br", "in", "jp", "sg", "au"];

    public static readonly IReadOnlyList<string> Tiers = ["free", "standard", "premium", "enterprise"];

    public static bool IsRegion(string? value) => value is null || Regions.Contains(value, StringComparer.Ordinal);

    public static bool IsTier(string? value) => value is null || Tiers.Contains(value, StringComparer.Ordinal);
}
