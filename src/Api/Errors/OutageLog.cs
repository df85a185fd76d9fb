namespace Governance.Api.Errors;

/// <summary>
/// Calls refused because a dependency (PostgreSQL, the audit trail) is down. Logging each one with
/// its stack trace wrote 208,000 lines in a 12 s outage (issue 11): the first refusal is logged with
/// its exception, the rest are counted and reported by <see cref="OutageMonitor"/> as one summary per
/// interval, and recovery once.
/// </summary>
public sealed partial class OutageLog(ILogger<OutageLog> logger, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _since;
    private long _refused;

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

    public void Refused(Exception exception, string code)
    {
        lock (_gate)
        {
            if (_since is not null)
            {
                _refused++;
                return;
            }

            _since = time.GetUtcNow();
        }

        LogOutage(logger, code, exception);
    }

    /// <summary>Reports the refusals counted since the last summary, if any.</summary>
    public void Summarize(TimeSpan interval)
    {
        long refused;
        lock (_gate)
        {
            refused = _refused;
            _refused = 0;
        }

        if (refused > 0)
        {
            LogSummary(logger, refused, (int)interval.TotalSeconds);
        }
    }

    public void Recovered()
    {
        DateTimeOffset since;
        long refused;
        lock (_gate)
        {
            if (_since is not { } start)
            {
                return;
            }

            (since, refused, _since, _refused) = (start, _refused, null, 0);
        }

        LogRecovered(logger, (time.GetUtcNow() - since).TotalSeconds, refused);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "A dependency is unavailable ({Code}); calls are refused with 503 until it is back")]
    private static partial void LogOutage(ILogger logger, string code, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Still unavailable: {Refused} calls refused in the last {Seconds} s")]
    private static partial void LogSummary(ILogger logger, long refused, int seconds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Dependency back after {Seconds:F1} s; {Refused} more calls were refused since the last summary")]
    private static partial void LogRecovered(ILogger logger, double seconds, long refused);
}
