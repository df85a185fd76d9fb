namespace Governance.Api.PolicyEngine;

/// <summary>The "Governance:Policies" section.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Governance:Policies";

    /// <summary>The YAML a fresh database is seeded with; default: policies/default.yaml of the checkout, else the copy built in.</summary>
    public string? SeedFile { get; set; }

    /// <summary>How often every process checks for a new activation besides LISTEN/NOTIFY (the fallback).</summary>
    public int PollIntervalMilliseconds { get; set; } = 250;
}
