using System.Security.Claims;
using Governance.Installation.Security;

namespace Governance.Api.Security;

/// <summary>Who is calling, read once from the validated token.</summary>
public sealed record CurrentPrincipal(string Id, string Role, string? TenantId, string? ClientId)
{
    public static readonly CurrentPrincipal Anonymous = new("anonymous", "none", null, null);

    public bool IsTenant => Role == Roles.Tenant;

    public static CurrentPrincipal From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var subject = user.FindFirstValue(ClaimNames.Subject) ?? "unknown";
        var role = user.FindFirstValue(ClaimNames.Role) ?? "none";
        return new CurrentPrincipal(subject, role, user.FindFirstValue(ClaimNames.TenantId), user.FindFirstValue(ClaimNames.ClientId));
    }
}
