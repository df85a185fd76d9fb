using FluentValidation;
using Governance.Api.Anonymization;
using Governance.Api.Catalog;
using Governance.Api.Errors;
using Governance.Api.ModelStore;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Embeddings;

/// <summary>
/// Texts in, one vector each out, on a sentence encoder (a model whose manifest declares an encoder). Both
/// embed endpoints send it: ours (/api/v1/models/{m}/embed) and the OpenAI-compatible /v1/embeddings.
/// </summary>
public sealed record EmbedTexts(string ModelName, string? ModelVersion, IReadOnlyList<string> Inputs) : IRequest<EmbeddingsResult>, IInferenceCall
{
    public string AuditAction => AuditActions.ModelEmbed;
}

public sealed record EmbeddingsResult(
    string Model, string Version, IReadOnlyList<float[]> Vectors, int TokenCount, IReadOnlyList<AnonymizedCount> Anonymized);

public sealed class EmbedTextsValidator : AbstractValidator<EmbedTexts>
{
    /// <summary>OpenAI's limit on inputs per request.</summary>
    public const int MaxInputs = 2048;

    public const int MaxTextLength = 100_000;

    public EmbedTextsValidator()
    {
        RuleFor(r => r.Inputs).Must(i => i.Count is > 0 and <= MaxInputs)
            .WithMessage($"'input' must hold 1-{MaxInputs} texts.").WithName("input");
        RuleForEach(r => r.Inputs).Must(t => !string.IsNullOrEmpty(t) && t.Length <= MaxTextLength)
            .WithMessage($"Every input must be a text of 1-{MaxTextLength} characters.").WithName("input");
    }
}

public sealed class EmbedTextsHandler(
    CatalogView view, ModelCatalog catalog, AuditScope scope, ModelAnonymizer anonymizer, CurrentPrincipal principal)
    : IRequestHandler<EmbedTexts, EmbeddingsResult>
{
    public async Task<EmbeddingsResult> Handle(EmbedTexts request, CancellationToken cancellationToken)
    {
        var record = (await view.ResolveAsync(request.ModelName, request.ModelVersion, cancellationToken)).Record;
        scope.ModelVersion = record.Version;
        scope.ModelDigest = record.Sha256;
        // The model sees only anonymized texts, and the trail holds only their digest.
        var texts = new string[request.Inputs.Count];
        var anonymized = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Length; i++)
        {
            var input = anonymizer.Apply(record.Name, principal.TenantId!, request.Inputs[i]);
            texts[i] = input.Text;
            foreach (var count in input.Anonymized)
            {
                anonymized[count.EntityType] = anonymized.GetValueOrDefault(count.EntityType) + count.Count;
            }
        }

        scope.InputDigest = PayloadDigest.Of(texts);
        var model = await catalog.EnsureLoadedAsync(record, cancellationToken);
        if (model.Manifest.Encoder is null)
        {
            throw new BadInputException(ErrorCodes.InvalidInput,
                $"Model '{record.Name}' is not a text encoder; call /v2/models/{record.Name}/infer instead.");
        }

        var embeddings = await catalog.TextEncoderFor(model).EmbedAsync(texts, cancellationToken);
        scope.OutputDigest = PayloadDigest.Of(embeddings.Vectors);
        return new EmbeddingsResult(record.Name, record.Version, embeddings.Vectors, embeddings.TokenCount,
            [.. anonymized.Select(a => new AnonymizedCount(a.Key, a.Value))]);
    }
}
