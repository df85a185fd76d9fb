using Governance.Api.Errors;
using Governance.Api.Security;

namespace Governance.Api.Features.Privacy;

/// <summary>Whose keys a privacy call uses: a tenant's own, or the one an admin or compliance officer names.</summary>
internal static class PrivacyTenant
{
    public static string? Resolve(CurrentPrincipal principal, string? requested)
    {
        if (!principal.IsTenant)
        {
            return string.IsNullOrWhiteSpace(requested) ? null : requested;
        }

        if (requested is not null && requested != principal.TenantId)
        {
            throw new GovernanceException(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden,
                "A tenant may use only its own keys.");
        }

        return principal.TenantId;
    }
}
