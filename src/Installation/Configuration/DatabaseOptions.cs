namespace Governance.Installation.Configuration;

/// <summary>The "Governance:Database" section.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Connection string of the app role (INSERT/SELECT on the audit trail only).</summary>
    public string AppConnectionString { get; set; } = "";

    /// <summary>Connection string of the owner role, used only to apply migrations.</summary>
    public string OwnerConnectionString { get; set; } = "";

    public bool MigrateOnStart { get; set; } = true;
}
