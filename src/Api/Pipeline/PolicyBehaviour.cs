using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Pipeline;

/// <summary>
/// The governance decision for calls that use a model. For now it holds one rule,
/// <see cref="LicenseRequired"/>: a tenant may call only a model it holds a license for. The policy
/// engine replaces this body; its place in the pipeline and its audit shape stay.
/// </summary>
public sealed class PolicyBehaviour<TRequest, TResponse>(
    GovernanceDbContext db,
    AuditScope scope,
    CurrentPrincipal principal) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public const string LicenseRequired = "license.required";

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IModelCall call)
        {
            await CheckLicenseAsync(call, cancellationToken);
        }

        return await next();
    }

    private async Task CheckLicenseAsync(IModelCall call, CancellationToken ct)
    {
        if (!principal.IsTenant || principal.TenantId is null)
        {
            if (call is not IInferenceCall)
            {
                return; // admins and compliance officers may read any model's metadata
            }

            // Endpoint authorization already limits inference to tenants; this is the fail-closed backstop.
            scope.RuleIds.Add(LicenseRequired);
            throw new PolicyDeniedException([LicenseRequired], "Only a tenant principal can run a model.");
        }

        scope.RuleIds.Add(LicenseRequired);
        scope.TenantId = principal.TenantId;
        var licensed = await db.LicenseGrants.AsNoTracking()
            .AnyAsync(g => g.TenantId == principal.TenantId && g.ModelName == call.ModelName, ct);
        if (!licensed)
        {
            throw new PolicyDeniedException(
                [LicenseRequired],
                $"Tenant '{principal.TenantId}' holds no license for model '{call.ModelName}' (rule {LicenseRequired}).");
        }
    }
}
