using FluentValidation;
using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Api.PolicyEngine;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Policies;

/// <summary>
/// Makes a version the active one for every API process (rollback: activate an older version). Only a
/// version that was approved, or was active before, unless <see cref="Emergency"/> is set with a reason
/// by an admin other than the author: then the audit action is "policy.activate.emergency" and the
/// activation row says so.
/// </summary>
public sealed record ActivatePolicy(int Version, bool Emergency, string? Reason) : IRequest<ActivationDto>, IAdminCommand
{
    public string AuditAction => Emergency ? AuditActions.PolicyActivateEmergency : AuditActions.PolicyActivate;

    public string PolicyAction => AuditActions.PolicyActivate;
}

public sealed record ActivationDto(int Version, long ActivationId, bool Emergency, DateTimeOffset ActivatedAt, string ActivatedBy);

public sealed class ActivatePolicyValidator : AbstractValidator<ActivatePolicy>
{
    public ActivatePolicyValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().When(r => r.Emergency).WithMessage("An emergency activation needs a 'reason'.");
        RuleFor(r => r.Reason).MaximumLength(500);
    }
}

public sealed class ActivatePolicyHandler(IPolicyVersions versions, AuditScope scope, CurrentPrincipal principal, TimeProvider time)
    : IRequestHandler<ActivatePolicy, ActivationDto>
{
    public async Task<ActivationDto> Handle(ActivatePolicy request, CancellationToken cancellationToken)
    {
        scope.PolicyVersion = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row = await versions.GetAsync(request.Version, cancellationToken)
            ?? throw new NotFoundException($"Policy version {request.Version} does not exist.");
        if (row.Active)
        {
            throw new GovernanceException(StatusCodes.Status409Conflict, PolicyErrorCodes.AlreadyActive, $"Policy version {request.Version} is already active.");
        }

        var unapproved = row.ApprovedBy.Count == 0 && !row.EverActivated;
        if (unapproved && !request.Emergency)
        {
            throw new GovernanceException(StatusCodes.Status409Conflict, PolicyErrorCodes.NotApproved,
                $"Policy version {request.Version} has not been approved by a second admin; approve it first (or have another admin activate it with emergency=true and a reason).");
        }

        // An emergency skips the approval record, never the second person (ADR-013): the author cannot break glass alone.
        if (unapproved && SubjectIdentity.Same(row.CreatedBy, principal.Id))
        {
            throw new GovernanceException(StatusCodes.Status403Forbidden, PolicyErrorCodes.SelfApproval,
                $"Policy version {request.Version} was created by you and is not approved; an emergency activation must come from a second admin.");
        }

        var now = time.GetUtcNow();
        var id = await FourEyesBackstop.GuardAsync(
            () => versions.ActivateAsync(request.Version, principal.Id, now, request.Emergency, request.Reason, cancellationToken),
            $"Policy version {request.Version} was created by you and is not approved; an emergency activation must come from a second admin.");
        return new ActivationDto(request.Version, id, request.Emergency, now, principal.Id);
    }
}
