namespace Governance.Api.Security;

public static class AuthorizationPolicies
{
    public const string Admin = "admin";
    public const string Compliance = "compliance";
    public const string Tenant = "tenant";
    public const string AnyRole = "any-role";
}
