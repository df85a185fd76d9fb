using FluentValidation;
using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Domain.Auditing;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Installation.Privacy;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Privacy;

/// <summary>
/// Restores the values behind a tenant's encrypted tokens. Only compliance officers and admins may,
/// and every attempt is audited; a token that fails (wrong tenant, altered) refuses the whole text.
/// </summary>
public sealed record Deanonymize(string Text, string Tenant) : IRequest<DeanonymizeResultDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.PiiDeanonymize;
}

public sealed class DeanonymizeValidator : AbstractValidator<Deanonymize>
{
    public DeanonymizeValidator()
    {
        RuleFor(r => r.Text).NotEmpty().WithMessage("'text' is required.")
            .MaximumLength(PiiRules.MaxTextLength).WithMessage($"'text' may hold at most {PiiRules.MaxTextLength} characters.");
        RuleFor(r => r.Tenant).NotEmpty().WithMessage("'tenant' is required.");
    }
}

public sealed class DeanonymizeHandler(GovernanceDbContext db, TenantKeyring keyring, AuditScope scope)
    : IRequestHandler<Deanonymize, DeanonymizeResultDto>
{

    public async Task<DeanonymizeResultDto> Handle(Deanonymize request, CancellationToken cancellationToken)
    {
        scope.TenantId = request.Tenant;
        scope.InputDigest = PayloadDigest.OfText(request.Text);
        if (!await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == request.Tenant, cancellationToken))
        {
            throw new NotFoundException($"There is no tenant '{request.Tenant}'.");
        }

        try
        {
            // No output digest: the output is the personal data itself.
            return new DeanonymizeResultDto(TextDeanonymizer.Decrypt(request.Text, keyring.For(request.Tenant).EncryptionKey));
        }
        catch (DeanonymizationException ex)
        {
            throw new BadInputException(ErrorCodes.DeanonymizationFailed, ex.Message);
        }
    }
}
