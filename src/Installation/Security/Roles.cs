namespace Governance.Installation.Security;

public static class Roles
{
    public const string Admin = "admin";
    public const string Compliance = "compliance";
    public const string Tenant = "tenant";

    public static readonly IReadOnlyList<string> All = [Admin, Compliance, Tenant];
}

public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string TenantId = "tenant_id";
    public const string ClientId = "client_id";
}
