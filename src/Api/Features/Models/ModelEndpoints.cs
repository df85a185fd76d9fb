using System.Text.Json;
using Governance.Api.Errors;
using Governance.Api.Features.Inference;
using Governance.Api.ModelStore;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Domain.Models;
using MediatR;

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
    }

    // multipart/form-data: "file" (the .onnx) and "manifest" (JSON, as a field or a file part).
    private static async Task<IResult> RegisterAsync(HttpRequest http, IMediator mediator, CancellationToken ct)
    {
        if (!http.HasFormContentType)
        {
            throw new BadHttpRequestException("Send multipart/form-data with a 'file' (.onnx) and a 'manifest' (JSON).", StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await http.ReadFormAsync(ct);
        var file = form.Files.GetFile("file")
            ?? throw new BadInputException(ErrorCodes.ValidationFailed, "The form field 'file' (the .onnx model) is required.");
        var manifestText = form.Files.GetFile("manifest") is { } part
            ? await new StreamReader(part.OpenReadStream()).ReadToEndAsync(ct)
            : form["manifest"].ToString();
        var manifest = ParseManifest(manifestText);
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        var registered = await mediator.Send(new RegisterModel(manifest, bytes), ct);
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
