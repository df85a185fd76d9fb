using FluentValidation;
using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Api.PolicyEngine;
using Governance.Domain.Auditing;
using Governance.Domain.Policies;
using Governance.Installation.Policies;
using MediatR;

namespace Governance.Api.Features.Policies;

/// <summary>
/// Replays the decisions recorded in [From, To) under a version (typically a draft) and reports what
/// would change. Reads only: no model is called, nothing is stored but the request's audit entry.
/// </summary>
public sealed record SimulatePolicy(int Version, DateTimeOffset From, DateTimeOffset To, int Limit) : IRequest<SimulationDto>, IAuditedRequest
{
    public const int MaxLimit = 1_000_000;

    public string AuditAction => AuditActions.PolicySimulate;
}

public sealed record SimulationDto(int Version, DateTimeOffset From, DateTimeOffset To, int Skipped, SimulationReport Report);

public sealed class SimulatePolicyValidator : AbstractValidator<SimulatePolicy>
{
    public SimulatePolicyValidator()
    {
        RuleFor(r => r.To).GreaterThan(r => r.From).WithMessage("'to' must be after 'from'.");
        RuleFor(r => r.Limit).InclusiveBetween(1, SimulatePolicy.MaxLimit);
    }
}

public sealed class SimulatePolicyHandler(IPolicyVersions versions, DecisionLogReader log, AuditScope scope)
    : IRequestHandler<SimulatePolicy, SimulationDto>
{
    public async Task<SimulationDto> Handle(SimulatePolicy request, CancellationToken cancellationToken)
    {
        scope.PolicyVersion = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row = await versions.GetAsync(request.Version, cancellationToken)
            ?? throw new NotFoundException($"Policy version {request.Version} does not exist.");

        var draft = PolicyLoader.Compile(row.Source, scope.PolicyVersion);
        var (report, skipped) = await log.SimulateAsync(draft, request.From, request.To, request.Limit, cancellationToken);
        return new SimulationDto(request.Version, request.From, request.To, skipped, report);
    }
}
