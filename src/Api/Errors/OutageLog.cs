namespace Governance.Api.Errors;

/// <summary>
/// One record of a dependency (PostgreSQL, the audit trail) being down, for everything that notices:
/// calls refused with 503, and the background loops (catalog and policy watchers) that retry on their
/// own clock. Logging each of them wrote 208,000 lines in a 12 s outage (issue 11), and the watchers
/// warned once per retry: the first failure is logged with its exception, the rest are counted and
/// reported by <see cref="OutageMonitor"/> as one summary per interval, and recovery once.
/// </summary>
public sealed partial class OutageLog(ILogger<OutageLog> logger, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _since;
    private long _refused;
    private long _retries;

    public bool IsDown
    {
        get
        {
            lock (_gate)
            {
                return _since is not null;
            }
        }
    }

    /// <summary>A call was refused because of the outage (<paramref name="code"/> is what it was told).</summary>
    public void Refused(Exception exception, string code) => Noticed(exception, code, ref _refused);

    /// <summary>A background loop (<paramref name="source"/>) could not reach the database and will retry.</summary>
    public void RetryFailed(Exception exception, string source) => Noticed(exception, source, ref _retries);

    /// <summary>Reports the refusals and failed retries counted since the last summary, if any.</summary>
    public void Summarize(TimeSpan interval)
    {
        long refused, retries;
        lock (_gate)
        {
            (refused, retries, _refused, _retries) = (_refused, _retries, 0, 0);
        }

        if (refused > 0 || retries > 0)
        {
            LogSummary(logger, refused, retries, (int)interval.TotalSeconds);
        }
    }

    public void Recovered()
    {
        DateTimeOffset since;
        long refused, retries;
        lock (_gate)
        {
            if (_since is not { } start)
            {
                return;
            }

            (since, refused, retries, _since, _refused, _retries) = (start, _refused, _retries, null, 0, 0);
        }

        LogRecovered(logger, (time.GetUtcNow() - since).TotalSeconds, refused, retries);
    }

    private void Noticed(Exception exception, string source, ref long counter)
    {
        lock (_gate)
        {
            if (_since is not null)
            {
                counter++;
                return;
            }

            _since = time.GetUtcNow();
        }

        LogOutage(logger, source, exception);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "A dependency is unavailable ({Source}); calls are refused with 503 until it is back")]
    private static partial void LogOutage(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Still unavailable: {Refused} calls refused and {Retries} background retries failed in the last {Seconds} s")]
    private static partial void LogSummary(ILogger logger, long refused, long retries, int seconds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Dependency back after {Seconds:F1} s; {Refused} more calls were refused and {Retries} background retries failed since the last summary")]
    private static partial void LogRecovered(ILogger logger, double seconds, long refused, long retries);
}
