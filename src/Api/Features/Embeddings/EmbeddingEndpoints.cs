using Governance.Api.Anonymization;
using Governance.Api.Errors;
using Governance.Api.Features.Inference;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Embeddings;

/// <summary>
/// The embed endpoints: ours, <c>POST /api/v1/models/{model}/embed</c>, and OpenAI's <c>POST /v1/embeddings</c>
/// (what LLM gateways and SDKs speak). Both send <see cref="EmbedTexts"/> through the governed pipeline.
/// </summary>
public static class EmbeddingEndpoints
{
    public sealed record EmbedResponse(
        string Model, string Version, IReadOnlyList<float[]> Embeddings, int Tokens, IReadOnlyList<AnonymizedCount> Anonymized, AuditReceiptDto Audit);

    public static void MapEmbeddingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/models/{model}/embed", EmbedAsync)
            .RequireAuthorization(AuthorizationPolicies.Tenant).WithName("model.embed").WithTags("Text models")
            .Audited(AuditActions.ModelEmbed);
        app.MapPost("/v1/embeddings", OpenAiEmbedAsync)
            .RequireAuthorization(AuthorizationPolicies.Tenant).WithName("openai.embeddings").WithTags("OpenAI-compatible")
            .Audited(AuditActions.ModelEmbed)
            .AddEndpointFilter<OpenAiErrorFilter>();
    }

    private static async Task<IResult> EmbedAsync(string model, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var body = await EmbeddingInput.ReadBodyAsync(http.Request, ct);
        var result = await mediator.Send(new EmbedTexts(model, null, EmbeddingInput.Texts(body)), ct);
        return Results.Ok(new EmbedResponse(
            result.Model, result.Version, result.Vectors, result.TokenCount, result.Anonymized, AuditReceiptDto.From(http)));
    }

    private static async Task<IResult> OpenAiEmbedAsync(HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var body = await EmbeddingInput.ReadBodyAsync(http.Request, ct);
        var model = EmbeddingInput.OptionalString(body, "model")
            ?? throw new BadInputException(ErrorCodes.ValidationFailed, "'model' is required.");
        var format = EmbeddingInput.OptionalString(body, "encoding_format") ?? "float";
        if (format is not ("float" or "base64"))
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, "'encoding_format' must be 'float' or 'base64'.");
        }

        if (body.TryGetProperty("dimensions", out _))
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, "'dimensions' is not supported: the model's vectors have a fixed size.");
        }

        var result = await mediator.Send(new EmbedTexts(model, null, EmbeddingInput.Texts(body)), ct);
        return Results.Ok(OpenAiEmbeddingList.From(result, format == "base64"));
    }
}
