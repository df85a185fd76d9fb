using FluentValidation;
using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Installation.Privacy;
using MediatR;

namespace Governance.Api.Features.Privacy;

/// <summary>
/// Presidio's anonymize (analysis included): the text with each finding replaced by its operator.
/// Keyed operators use the caller's tenant keys; admins and compliance officers name the tenant.
/// </summary>
public sealed record AnonymizePii(
    string Text,
    IReadOnlyList<string>? Entities,
    double? ScoreThreshold,
    IReadOnlyDictionary<string, OperatorBody>? Operators,
    string? Tenant) : IRequest<AnonymizeResultDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.PiiAnonymize;
}

public sealed class AnonymizePiiValidator : AbstractValidator<AnonymizePii>
{
    public AnonymizePiiValidator(PiiEngine engine)
    {
        RuleFor(r => r.Text).NotEmpty().WithMessage("'text' is required.")
            .MaximumLength(PiiRules.MaxTextLength).WithMessage($"'text' may hold at most {PiiRules.MaxTextLength} characters.");
        RuleForEach(r => r.Entities).Must(engine.EntityTypes.Contains).WithMessage((_, type) => $"Unknown entity type '{type}'.");
        RuleFor(r => r.ScoreThreshold).InclusiveBetween(0, 1).OverridePropertyName("score_threshold");
        RuleFor(r => r.Operators).Custom((operators, context) =>
        {
            foreach (var (type, body) in operators ?? new Dictionary<string, OperatorBody>())
            {
                foreach (var problem in PiiRules.Problems(engine, type, body ?? new OperatorBody(null)))
                {
                    context.AddFailure("operators", problem);
                }
            }
        });
    }
}

public sealed class AnonymizePiiHandler(PiiEngine engine, TenantKeyring keyring, AuditScope scope, CurrentPrincipal principal)
    : IRequestHandler<AnonymizePii, AnonymizeResultDto>
{
    // Keys for a call that uses no keyed operator: never used, so they need not be a tenant's.
    private static readonly AnonymizationKeys Unkeyed = new(new byte[32], new byte[32], SystemRandomSource.Instance);

    public Task<AnonymizeResultDto> Handle(AnonymizePii request, CancellationToken cancellationToken)
    {
        var tenant = PrivacyTenant.Resolve(principal, request.Tenant);
        scope.TenantId = tenant;
        var operators = PiiRules.ToSet(request.Operators);
        AnonymizationKeys keys;
        if (PiiRules.NeedsKeys(operators, request.Operators))
        {
            keys = keyring.For(tenant ?? throw new ValidationFailedException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["tenant"] = ["'tenant' is required for the hash, encrypt and pseudonym operators when the caller is not a tenant."],
            }));
        }
        else
        {
            keys = Unkeyed;
        }

        var result = engine.Anonymize(request.Text, operators, keys, request.Entities, request.ScoreThreshold);
        var items = new List<ReplacedSpanDto>(result.Items.Count);
        foreach (var item in result.Items)
        {
            items.Add(new ReplacedSpanDto(item.EntityType, item.Start, item.End, item.Operator));
        }

        // Digests of what left anonymized only; nothing derived from the raw text reaches the trail.
        scope.InputDigest = PayloadDigest.OfText(result.Text);
        var dto = new AnonymizeResultDto(result.Text, items);
        scope.OutputDigest = PayloadDigest.Of(dto);
        return Task.FromResult(dto);
    }
}
