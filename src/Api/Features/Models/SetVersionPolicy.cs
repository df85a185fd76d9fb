using System.Text.Json;
using FluentValidation;
using Governance.Api.Catalog;
using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Domain.Models;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Models;

/// <summary>
/// Sets which versions of a model are served (ADR-031): <c>{"latest": N}</c>, <c>{"specific": [...]}</c>
/// or <c>{"all": true}</c>. Binding on every API process before the answer leaves (ADR-015); each then
/// loads the versions the policy serves and unloads the others gracefully.
/// </summary>
public sealed record SetVersionPolicy(string ModelName, int? Latest, IReadOnlyList<string>? Specific, bool? All) : IRequest<VersionPolicyDto>, IAdminCommand
{
    public string AuditAction => AuditActions.ModelVersionPolicySet;

    // A method, not a property: field errors name the body's own members (latest, specific[0], all).
    public VersionPolicy ToPolicy() => new(Latest, Specific, All);

    public int SuccessStatusCode => StatusCodes.Status200OK;
}

/// <summary><see cref="Served"/>: the versions the policy serves now, newest registration first.</summary>
public sealed record VersionPolicyDto(string Model, VersionPolicy Policy, IReadOnlyList<string> Served, DateTimeOffset UpdatedAt);

public sealed class SetVersionPolicyValidator : AbstractValidator<SetVersionPolicy>
{
    public SetVersionPolicyValidator()
    {
        RuleFor(r => r.ModelName).NotEmpty().MaximumLength(63);
        RuleFor(r => r).Custom((request, context) =>
        {
            foreach (var problem in request.ToPolicy().Problems())
            {
                context.AddFailure("policy", problem);
            }
        });
    }
}

public sealed class SetVersionPolicyHandler(GovernanceDbContext db, AuditScope scope, CurrentPrincipal principal, TimeProvider time)
    : IRequestHandler<SetVersionPolicy, VersionPolicyDto>
{
    public async Task<VersionPolicyDto> Handle(SetVersionPolicy request, CancellationToken cancellationToken)
    {
        scope.ModelName = request.ModelName;
        var policy = request.ToPolicy();
        var versions = await db.ModelVersions.AsNoTracking()
            .Where(m => m.Name == request.ModelName)
            .OrderByDescending(m => m.RegisteredAt).ThenBy(m => m.Version)
            .Select(m => new { m.Version, m.RetiredAt })
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new NotFoundException($"Model '{request.ModelName}' is not registered.");
        }

        var unknown = (policy.Specific ?? []).Where(v => versions.All(r => r.Version != v)).ToArray();
        if (unknown.Length > 0)
        {
            throw new BadInputException(ErrorCodes.ValidationFailed,
                $"The policy names version(s) model '{request.ModelName}' does not have: {string.Join(", ", unknown)}.");
        }

        var now = time.GetUtcNow();
        var json = JsonSerializer.Serialize(policy, ServedVersionsLoader.Json);
        var record = await db.ModelVersionPolicies.SingleOrDefaultAsync(p => p.ModelName == request.ModelName, cancellationToken);
        if (record is null)
        {
            db.ModelVersionPolicies.Add(new ModelVersionPolicyRecord { ModelName = request.ModelName, Policy = json, UpdatedAt = now, UpdatedBy = principal.Id });
        }
        else
        {
            (record.Policy, record.UpdatedAt, record.UpdatedBy) = (json, now, principal.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        var served = policy.Select([.. versions.Where(v => v.RetiredAt is null).Select(v => v.Version)]);
        return new VersionPolicyDto(request.ModelName, policy, served, now);
    }
}
