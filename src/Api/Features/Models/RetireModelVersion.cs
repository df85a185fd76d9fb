using FluentValidation;
using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Models;

/// <summary>
/// Takes a model version out of service: no call resolves it any more (404), and a call that names
/// no version gets the newest one still in service. Binding on every API process before the answer
/// leaves (ADR-015). The row, its file and its audit history stay.
/// </summary>
public sealed record RetireModelVersion(string ModelName, string ModelVersion) : IRequest<RetiredModelDto>, IAdminCommand
{
    public string AuditAction => AuditActions.ModelRetire;

    public int SuccessStatusCode => StatusCodes.Status200OK;
}

public sealed record RetiredModelDto(string Name, string Version, DateTimeOffset RetiredAt);

public sealed class RetireModelVersionValidator : AbstractValidator<RetireModelVersion>
{
    public RetireModelVersionValidator()
    {
        RuleFor(r => r.ModelName).NotEmpty().MaximumLength(63);
        RuleFor(r => r.ModelVersion).NotEmpty().MaximumLength(63);
    }
}

public sealed class RetireModelVersionHandler(GovernanceDbContext db, AuditScope scope, CurrentPrincipal principal, TimeProvider time)
    : IRequestHandler<RetireModelVersion, RetiredModelDto>
{
    public async Task<RetiredModelDto> Handle(RetireModelVersion request, CancellationToken cancellationToken)
    {
        scope.ModelName = request.ModelName;
        scope.ModelVersion = request.ModelVersion;
        var record = await db.ModelVersions.SingleOrDefaultAsync(m => m.Name == request.ModelName && m.Version == request.ModelVersion, cancellationToken)
            ?? throw new NotFoundException($"Model '{request.ModelName}' has no version '{request.ModelVersion}'.");
        scope.ModelDigest = record.Sha256;
        if (record.RetiredAt is not null)
        {
            throw new ConflictException($"Version '{request.ModelVersion}' of model '{request.ModelName}' is already retired.");
        }

        var now = time.GetUtcNow();
        (record.RetiredAt, record.RetiredBy) = (now, principal.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new RetiredModelDto(record.Name, record.Version, now);
    }
}
