using System.Text.Json;
using Governance.Api.Configuration;
using Governance.Api.Errors;
using Governance.Api.Features.Inference;
using Governance.Api.ModelStore;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Domain.Models;
using MediatR;
using Microsoft.Extensions.Options;

namespace Governance.Api.Features.Models;

public static class ModelEndpoints
{
    public sealed record RegisteredModelResponse(RegisteredModel Model, AuditReceiptDto Audit);

    public static void MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/models", RegisterAsync)
            .RequireAuthorization(AuthorizationPolicies.Admin)
            .DisableAntiforgery()
            .WithName("model.register")
            .Audited(AuditActions.ModelRegister)
            .WithTags("Models");
        app.MapPost("/api/v1/models/{model}/versions/{version}/retire", async (string model, string version, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new RetireModelVersion(model, version), ct)))
            .RequireAuthorization(AuthorizationPolicies.Admin)
            .WithName("model.retire")
            .Audited(AuditActions.ModelRetire)
            .WithTags("Models");
        app.MapPut("/api/v1/models/{model}/version-policy", async (string model, VersionPolicyBody body, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(body.ToCommand(model), ct)))
            .RequireAuthorization(AuthorizationPolicies.Admin)
            .WithName("model.version_policy")
            .Audited(AuditActions.ModelVersionPolicySet)
            .WithTags("Models");
    }

    // multipart/form-data: "file" (the .onnx) and "manifest" (JSON, as a field or a file part).
    private static async Task<IResult> RegisterAsync(HttpRequest http, IMediator mediator, IOptions<GovernanceOptions> options, CancellationToken ct)
    {
        var upload = await ModelUploadReader.ReadAsync(http, options.Value.Limits, ct);
        var manifest = ParseManifest(upload.Manifest);
        var file = upload.Model ?? (manifest.IsRemote ? [] : throw new BadInputException(ErrorCodes.ValidationFailed, "The form field 'file' (the .onnx model) is required."));
        var registered = await mediator.Send(new RegisterModel(manifest, file), ct);
        return Results.Created($"/v2/models/{registered.Name}/versions/{registered.Version}",
            new RegisteredModelResponse(registered, AuditReceiptDto.From(http.HttpContext)));
    }

    private static ModelManifest ParseManifest(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, "The form field 'manifest' (JSON) is required.");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<ModelManifest>(text, ManifestJson.Options);
            if (manifest is null || manifest.Name is null || manifest.Version is null || manifest.Task is null
                || manifest.Inputs is null || manifest.Outputs is null)
            {
                throw new BadInputException(ErrorCodes.ValidationFailed, "The manifest needs name, version, task, inputs and outputs.");
            }

            return manifest with { Tags = manifest.Tags ?? [], Labels = manifest.Labels ?? [] };
        }
        catch (JsonException ex)
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, "The manifest is not valid JSON for a model manifest: " + ex.Message);
        }
    }
}
