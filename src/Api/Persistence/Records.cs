namespace Governance.Api.Persistence;

public sealed class TenantRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>Policy attribute tenant.region (docs/tenants.md); null when not declared.</summary>
    public string? Region { get; set; }

    /// <summary>Policy attribute tenant.tier (docs/tenants.md); null when not declared.</summary>
    public string? Tier { get; set; }
}

public sealed class ModelVersionRecord
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public required string Task { get; init; }

    public required string Sha256 { get; init; }

    public required long SizeBytes { get; init; }

    /// <summary>The manifest as registered (JSON), the source of truth for inputs, outputs and labels.</summary>
    public required string Manifest { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required string RegisteredBy { get; init; }

    /// <summary>A retired version answers no call; its rows and audit history stay.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public string? RetiredBy { get; set; }
}

public sealed class LicenseGrantRecord
{
    public required string TenantId { get; init; }

    public required string ModelName { get; init; }

    public required DateTimeOffset GrantedAt { get; set; }

    public required string GrantedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}

public sealed class OAuthClientRecord
{
    public required string ClientId { get; init; }

    public required string TenantId { get; init; }

    public required string Name { get; init; }

    public required string SecretHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}
