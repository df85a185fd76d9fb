namespace Governance.Api.Persistence;

/// <summary>
/// The session settings the row-level security policies of db/migrations/0016 read: which rows of the
/// tenant-owned tables a connection may see. Unset means none.
/// </summary>
public static class RowScope
{
    public const string ScopeSetting = "governance.scope";

    public const string TenantSetting = "governance.tenant";

    /// <summary>
    /// A start-up option for the API's data source: the platform's own connections see every row, at no
    /// round-trip cost, and RESET returns a session to it.
    /// </summary>
    public const string PlatformStartupOption = "-c " + ScopeSetting + "=platform";

    public const string EnterTenantSql = "SELECT set_config('" + ScopeSetting + "', 'tenant', false), set_config('" + TenantSetting + "', $1, false)";

    public const string LeaveTenantSql = "RESET " + ScopeSetting + "; RESET " + TenantSetting;
}
