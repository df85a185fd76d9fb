using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// A drop-in for Presidio's analyzer and anonymizer REST APIs under /presidio (docs/presidio.md): the
/// same bodies and answers, our authentication, every call through the audited pipeline, refusals as
/// Presidio's <c>{"error": ...}</c>.
/// </summary>
public static class PresidioEndpoints
{
    public static void MapPresidioEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/presidio/health", () => Results.Text("Presidio-compatible service is up")).AllowAnonymous().WithTags("Presidio");
        var presidio = app.MapGroup("/presidio").RequireAuthorization(AuthorizationPolicies.AnyRole).WithTags("Presidio")
            .AddEndpointFilter<PresidioErrorFilter>();
        presidio.MapPost("/analyze", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var response = await mediator.Send(new PresidioAnalyze(await PresidioJson.ReadBodyAsync(http.Request, ct)), ct);
            return Results.Ok<object>(response.Batched ? response.Results : response.Results[0]);
        }).WithName("presidio.analyze").Audited(AuditActions.PresidioAnalyze);
        presidio.MapPost("/anonymize", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new PresidioAnonymize(await PresidioJson.ReadBodyAsync(http.Request, ct)), ct)))
            .WithName("presidio.anonymize").Audited(AuditActions.PresidioAnonymize);
        presidio.MapPost("/deanonymize", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new PresidioDeanonymize(await PresidioJson.ReadBodyAsync(http.Request, ct)), ct)))
            .WithName("presidio.deanonymize").Audited(AuditActions.PresidioDeanonymize);
        MapCatalog(presidio, "/supportedentities", PresidioCatalogKind.SupportedEntities);
        MapCatalog(presidio, "/recognizers", PresidioCatalogKind.Recognizers);
        MapCatalog(presidio, "/anonymizers", PresidioCatalogKind.Anonymizers);
        MapCatalog(presidio, "/deanonymizers", PresidioCatalogKind.Deanonymizers);
    }

    private static void MapCatalog(RouteGroupBuilder group, string path, PresidioCatalogKind kind) =>
        group.MapGet(path, async (string? language, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetPresidioCatalog(kind, language), ct)))
            .WithName("presidio" + path.Replace('/', '.')).Audited(AuditActions.PresidioCatalog);
}
