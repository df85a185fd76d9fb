using FluentValidation;
using Governance.Api.Pipeline;
using Governance.Api.PolicyEngine;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Installation.Policies;
using MediatR;

namespace Governance.Api.Features.Policies;

/// <summary>Stores a new, immutable policy version as a draft, after every check has passed.</summary>
public sealed record CreatePolicyDraft(string Source) : IRequest<PolicyVersionDto>, ICommand
{
    public string AuditAction => AuditActions.PolicyCreate;

    public int SuccessStatusCode => StatusCodes.Status201Created;
}

public sealed class CreatePolicyDraftValidator : AbstractValidator<CreatePolicyDraft>
{
    public CreatePolicyDraftValidator()
    {
        // Size and depth are the loader's (policy-too-large, policy-too-deep), so the API and the CLI refuse alike.
        RuleFor(r => r.Source).NotEmpty().WithMessage("The body must hold the policy as YAML.");
    }
}

public sealed class CreatePolicyDraftHandler(IPolicyVersions versions, AuditScope scope, CurrentPrincipal principal, TimeProvider time)
    : IRequestHandler<CreatePolicyDraft, PolicyVersionDto>
{
    public async Task<PolicyVersionDto> Handle(CreatePolicyDraft request, CancellationToken cancellationToken)
    {
        scope.InputDigest = PolicyLoader.Digest(request.Source);
        var loaded = PolicyLoader.Load(request.Source);
        if (!loaded.IsValid)
        {
            throw PolicyInvalidException.For(loaded.Errors);
        }

        var version = await versions.InsertVersionAsync(loaded.Document!.Name, request.Source, loaded.Document.Rules.Count, time.GetUtcNow(), principal.Id, cancellationToken);
        scope.PolicyVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var row = await versions.GetAsync(version, cancellationToken);
        return PolicyVersionDto.From(row!, withSource: false);
    }
}
