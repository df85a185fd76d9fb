namespace Governance.Inference.Remote;

/// <summary>
/// How remote Open Inference Protocol backends are called ("Governance:RemoteBackends"). One resilience
/// pipeline (retry, circuit breaker) per backend authority (host:port), so one failing server does not
/// open the circuit of another; the per-attempt timeout comes from each model's manifest.
/// </summary>
public sealed class RemoteBackendOptions
{
    public const string HttpClientName = "governance-remote-oip";

    /// <summary>Sent as "Authorization: Bearer ..." to every remote backend (an inference-only node's shared secret); none when empty.</summary>
    public string BearerToken { get; set; } = "";

    /// <summary>Retries after the first attempt, for connect errors and 502/503/504 only (never a timeout: it may still be running).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the exponential backoff with jitter between attempts.</summary>
    public int RetryBaseDelayMs { get; set; } = 50;

    /// <summary>The circuit opens when at least this share of attempts failed in the sampling window...</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>...and at least this many attempts were made in it.</summary>
    public int BreakerMinimumThroughput { get; set; } = 5;

    public int BreakerSamplingSeconds { get; set; } = 30;

    /// <summary>How long an open circuit refuses calls at once, before one trial call is let through.</summary>
    public int BreakerBreakSeconds { get; set; } = 5;

    /// <summary>Registration probes the backend's metadata with this timeout.</summary>
    public int ProbeTimeoutMs { get; set; } = 5_000;

    /// <summary>The largest response body read from a backend.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    public IEnumerable<string> Problems()
    {
        if (MaxRetries is < 0 or > 10)
        {
            yield return "RemoteBackends:MaxRetries must be 0..10.";
        }

        if (RetryBaseDelayMs is < 1 or > 60_000)
        {
            yield return "RemoteBackends:RetryBaseDelayMs must be 1..60000.";
        }

        if (BreakerFailureRatio is <= 0 or > 1)
        {
            yield return "RemoteBackends:BreakerFailureRatio must be in (0, 1].";
        }

        if (BreakerMinimumThroughput < 2 || BreakerSamplingSeconds < 1 || BreakerBreakSeconds < 1)
        {
            yield return "RemoteBackends: BreakerMinimumThroughput >= 2, BreakerSamplingSeconds >= 1 and BreakerBreakSeconds >= 1.";
        }

        if (ProbeTimeoutMs < 1 || MaxResponseBytes < 1024)
        {
            yield return "RemoteBackends: ProbeTimeoutMs >= 1 and MaxResponseBytes >= 1024.";
        }
    }
}
