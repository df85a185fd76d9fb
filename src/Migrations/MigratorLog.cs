using Microsoft.Extensions.Logging;

namespace Governance.Migrations;

internal static partial class MigratorLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied migration {Name}")]
    public static partial void Applied(ILogger logger, string name);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Database has migration {Version} ({Name}) that this build does not know; a newer build migrated it")]
    public static partial void UnknownApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Schema up to date ({Count} migrations applied)")]
    public static partial void UpToDate(ILogger logger, int count);
}
