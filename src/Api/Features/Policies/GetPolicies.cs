using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Api.PolicyEngine;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Policies;

/// <summary>Every version, newest first, with its status (draft, approved, active).</summary>
public sealed record ListPolicies : IRequest<IReadOnlyList<PolicyVersionDto>>, IAuditedRequest
{
    public string AuditAction => AuditActions.PolicyList;
}

/// <summary>One version with its YAML source; <see cref="Version"/> null: the active one.</summary>
public sealed record GetPolicy(int? Version) : IRequest<PolicyVersionDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.PolicyRead;
}

public sealed class ListPoliciesHandler(IPolicyVersions versions) : IRequestHandler<ListPolicies, IReadOnlyList<PolicyVersionDto>>
{
    public async Task<IReadOnlyList<PolicyVersionDto>> Handle(ListPolicies request, CancellationToken cancellationToken)
    {
        var rows = await versions.ListAsync(cancellationToken);
        return [.. rows.Select(r => PolicyVersionDto.From(r, withSource: false))];
    }
}

public sealed class GetPolicyHandler(IPolicyVersions versions, AuditScope scope) : IRequestHandler<GetPolicy, PolicyVersionDto>
{
    public async Task<PolicyVersionDto> Handle(GetPolicy request, CancellationToken cancellationToken)
    {
        var version = request.Version ?? (await versions.ActiveAsync(cancellationToken))?.Version
            ?? throw new NotFoundException("No policy version is active.");
        scope.PolicyVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row = await versions.GetAsync(version, cancellationToken)
            ?? throw new NotFoundException($"Policy version {version} does not exist.");
        return PolicyVersionDto.From(row, withSource: true);
    }
}
