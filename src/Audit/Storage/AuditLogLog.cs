using Microsoft.Extensions.Logging;

namespace Governance.Audit.Storage;

internal static partial class AuditLogLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error,
        Message = "Audit batch of {Count} entries could not be committed; its callers fail closed")]
    public static partial void BatchFailed(ILogger logger, int count, Exception exception);
}
