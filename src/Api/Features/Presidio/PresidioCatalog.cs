using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Domain.Privacy;
using MediatR;

namespace Governance.Api.Features.Presidio;

public enum PresidioCatalogKind
{
    SupportedEntities,
    Recognizers,
    Anonymizers,
    Deanonymizers,
}

/// <summary>Presidio's GET lists: supported entities and recognizers (for a language), anonymizers, deanonymizers.</summary>
public sealed record GetPresidioCatalog(PresidioCatalogKind Kind, string? Language) : IRequest<IReadOnlyList<string>>, IAuditedRequest
{
    public string AuditAction => AuditActions.PresidioCatalog;
}

public sealed class GetPresidioCatalogHandler(PiiEngine engine, AuditScope scope, CurrentPrincipal principal)
    : IRequestHandler<GetPresidioCatalog, IReadOnlyList<string>>
{
    public Task<IReadOnlyList<string>> Handle(GetPresidioCatalog request, CancellationToken cancellationToken)
    {
        scope.TenantId = principal.TenantId;
        // Presidio ignores unknown query parameters and answers for all languages when none is named.
        if (request.Language is { } language && language != AnalyzerOptionsReader.Language
            && request.Kind is PresidioCatalogKind.SupportedEntities or PresidioCatalogKind.Recognizers)
        {
            throw new PresidioRequestException("No matching recognizers were found to serve the request.");
        }

        IReadOnlyList<string> list = request.Kind switch
        {
            PresidioCatalogKind.SupportedEntities => [.. engine.EntityTypes.Order(StringComparer.Ordinal)],
            PresidioCatalogKind.Recognizers => [.. engine.Recognizers.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal)],
            PresidioCatalogKind.Anonymizers => PresidioOperator.Anonymizers,
            _ => PresidioOperator.Deanonymizers,
        };
        return Task.FromResult(list);
    }
}
