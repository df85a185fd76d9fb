namespace Governance.Api.RateLimiting;

/// <summary>
/// The "Governance:RateLimits" section. Each tenant belongs to a tier (<see cref="TenantTiers"/>, else
/// <see cref="DefaultTier"/>); the tier sets its request rate per client and how many expensive calls
/// the tenant may have running at once. The defaults leave room for load tests and dynamic batching;
/// what they guard against is one tenant taking every core.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Governance:RateLimits";

    public bool Enabled { get; set; } = true;

    public string DefaultTier { get; set; } = "standard";

    public Dictionary<string, TierLimits> Tiers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tenant id → tier name.</summary>
    public Dictionary<string, string> TenantTiers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Text-analysis calls running at once over all tenants (each holds a core while it runs).</summary>
    public int GlobalTextConcurrency { get; set; } = Environment.ProcessorCount;

    public int GlobalTextQueue { get; set; } = 64;

    public TierLimits TierOf(string? tenantId) =>
        Tiers.TryGetValue(tenantId is not null && TenantTiers.TryGetValue(tenantId, out var tier) ? tier : DefaultTier, out var limits)
            ? limits
            : Standard;

    private static readonly TierLimits Standard = new();
}

public sealed class TierLimits
{
    /// <summary>Token bucket per tenant and client: refilled at this rate, holding at most <see cref="Burst"/>.</summary>
    public int RequestsPerSecond { get; set; } = 500;

    public int Burst { get; set; } = 1000;

    /// <summary>PII analysis and anonymization (pii/*, presidio/*) a tenant may run at once.</summary>
    public int TextConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    public int TextQueue { get; set; } = 16;

    /// <summary>Inference calls a tenant may have in flight; high enough that the batcher can fill batches.</summary>
    public int InferenceConcurrency { get; set; } = 64;

    public int InferenceQueue { get; set; } = 256;
}
