using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Api.PolicyEngine;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Policies;

/// <summary>Four eyes: an admin other than the author approves a version (the database refuses the author too).</summary>
public sealed record ApprovePolicy(int Version) : IRequest<PolicyVersionDto>, IAdminCommand
{
    public string AuditAction => AuditActions.PolicyApprove;
}

public sealed class ApprovePolicyHandler(IPolicyVersions versions, AuditScope scope, CurrentPrincipal principal, TimeProvider time)
    : IRequestHandler<ApprovePolicy, PolicyVersionDto>
{
    public async Task<PolicyVersionDto> Handle(ApprovePolicy request, CancellationToken cancellationToken)
    {
        scope.PolicyVersion = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row = await versions.GetAsync(request.Version, cancellationToken)
            ?? throw new NotFoundException($"Policy version {request.Version} does not exist.");
        if (SubjectIdentity.Same(row.CreatedBy, principal.Id))
        {
            throw new GovernanceException(StatusCodes.Status403Forbidden, PolicyErrorCodes.SelfApproval,
                $"Policy version {request.Version} was created by you; a second admin must approve it.");
        }

        if (row.ApprovedBy.Any(a => SubjectIdentity.Same(a, principal.Id)))
        {
            throw new GovernanceException(StatusCodes.Status409Conflict, PolicyErrorCodes.AlreadyApproved, $"You already approved policy version {request.Version}.");
        }

        await FourEyesBackstop.GuardAsync(
            () => versions.ApproveAsync(request.Version, principal.Id, time.GetUtcNow(), cancellationToken),
            $"Policy version {request.Version} was created by you; a second admin must approve it.");
        return PolicyVersionDto.From((await versions.GetAsync(request.Version, cancellationToken))!, withSource: false);
    }
}
