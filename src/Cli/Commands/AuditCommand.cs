using System.CommandLine;

namespace Governance.Cli.Commands;

/// <summary>`governance audit ...`: the audit trail's offline tools (verify) and, beside them, export.</summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "The tamper-evident audit trail: export from the database, verify exports offline")
    {
        AuditVerifyCommand.Create(),
        AuditExportCommand.Create(),
    };
}
