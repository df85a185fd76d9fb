namespace Governance.Api.Catalog;

/// <summary>The "Governance:Catalog" section: how the in-process catalog stays exact.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Governance:Catalog";

    /// <summary>How often the process confirms its generation with the database besides LISTEN/NOTIFY.</summary>
    public int PollIntervalMilliseconds { get; set; } = 250;

    /// <summary>
    /// The longest a process decides on a snapshot it has not confirmed: past it, the next call reloads
    /// from the database first (fail closed when the notification channel is lost).
    /// </summary>
    public int MaxStalenessMilliseconds { get; set; } = 1000;

    /// <summary>Off only to simulate a lost notification channel in tests: then nothing but staleness keeps it exact.</summary>
    public bool Listen { get; set; } = true;

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(Math.Clamp(PollIntervalMilliseconds, 10, 60_000));

    public TimeSpan MaxStaleness => TimeSpan.FromMilliseconds(Math.Clamp(MaxStalenessMilliseconds, 50, 600_000));
}
