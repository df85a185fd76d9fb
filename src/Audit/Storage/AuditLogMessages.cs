using Microsoft.Extensions.Logging;

namespace Governance.Audit.Storage;

internal static partial class AuditLogMessages
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error,
        Message = "Audit batch of {Count} entries could not be committed; its callers fail closed (later failures are counted until a batch commits)")]
    public static partial void BatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Audit log writable again after {Failed} failed batches")]
    public static partial void BatchesRecovered(ILogger logger, long failed);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "Audit sequencer stopped leading or could not start; it retries as a standby")]
    public static partial void SequencerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "This process now leads the audit sequencer")]
    public static partial void BecameLeader(ILogger logger);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Checkpoint could not be published")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);
}
