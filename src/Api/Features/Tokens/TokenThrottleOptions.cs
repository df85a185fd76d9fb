namespace Governance.Api.Features.Tokens;

/// <summary>
/// The "Governance:TokenThrottle" section: how many failed client authentications a client id, and a
/// source address, may make before /connect/token refuses them for a while, and how that wait grows.
/// </summary>
public sealed class TokenThrottleOptions
{
    public const string Section = "Governance:TokenThrottle";

    public int MaxFailuresPerClient { get; set; } = 5;

    /// <summary>Higher than per client: many clients may share one address behind a NAT or proxy.</summary>
    public int MaxFailuresPerSource { get; set; } = 50;

    /// <summary>Failures older than this no longer count.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>The first lock-out; each further one in a row doubles it, up to <see cref="MaxLockoutSeconds"/>.</summary>
    public int LockoutSeconds { get; set; } = 30;

    public int MaxLockoutSeconds { get; set; } = 15 * 60;

    /// <summary>Secret hashes computed at once; beyond that calls wait in a short queue, then get 429.</summary>
    public int MaxConcurrentVerifications { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    public int VerificationQueue { get; set; } = 32;
}
