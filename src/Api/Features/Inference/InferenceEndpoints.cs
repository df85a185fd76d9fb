using System.Text.Json;
using Governance.Api.Anonymization;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;
using MediatR;

namespace Governance.Api.Features.Inference;

/// <summary>
/// Open Inference Protocol (KServe v2) model endpoints and the text endpoint. Protocol responses carry the
/// audit entry's sequence number in "parameters" too (the header is set for every endpoint by
/// <see cref="Pipeline.AuditSequenceHeader"/>).
/// </summary>
public static class InferenceEndpoints
{
    public sealed record PredictBody(string? Text);

    public sealed record PredictResponse(
        string Model, string Version, IReadOnlyList<LabelScore> Labels, IReadOnlyList<AnonymizedCount> Anonymized, AuditReceiptDto Audit);

    public static void MapInferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2/models").WithTags("Open Inference Protocol");
        foreach (var prefix in new[] { "/{model}", "/{model}/versions/{version}" })
        {
            var suffix = prefix.Contains("version", StringComparison.Ordinal) ? ".version" : "";
            v2.MapGet(prefix, MetadataAsync).RequireAuthorization(AuthorizationPolicies.AnyRole).WithName("v2.model.metadata" + suffix)
                .Audited(AuditActions.ModelMetadata);
            v2.MapGet(prefix + "/ready", ReadyAsync).RequireAuthorization(AuthorizationPolicies.AnyRole).WithName("v2.model.ready" + suffix)
                .Audited(AuditActions.ModelReady);
            v2.MapPost(prefix + "/infer", InferAsync).RequireAuthorization(AuthorizationPolicies.Tenant).WithName("v2.model.infer" + suffix)
                .Audited(AuditActions.ModelInfer);
        }

        app.MapPost("/api/v1/models/{model}/predict", PredictAsync)
            .RequireAuthorization(AuthorizationPolicies.Tenant).WithName("model.predict").WithTags("Text models")
            .Audited(AuditActions.ModelPredict);
    }

    private static async Task<IResult> MetadataAsync(string model, string? version, IMediator mediator, CancellationToken ct) =>
        Results.Ok(await mediator.Send(new GetModelMetadata(model, version), ct));

    private static async Task<IResult> ReadyAsync(string model, string? version, IMediator mediator, CancellationToken ct)
    {
        var readiness = await mediator.Send(new GetModelReady(model, version), ct);
        // The protocol: 200 means ready, a 4xx means not ready.
        return readiness.Ready ? Results.Ok(readiness) : Results.BadRequest(readiness);
    }

    // The body is read by the protocol's own reader, so every malformed request gets the same precise 400;
    // JSON, compressed and binary-extension bodies all become one request form before governance sees them.
    private static async Task<IResult> InferAsync(string model, string? version, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var body = await InferenceBody.ReadAsync(http.Request, ct);
        var response = await mediator.Send(new Infer(model, version, body), ct);
        var receipt = http.RequestServices.GetRequiredService<AuditScope>().Receipt!;
        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (response.Parameters is not null)
        {
            foreach (var (key, value) in response.Parameters)
            {
                parameters[key] = value;
            }
        }

        parameters["audit_sequence"] = JsonSerializer.SerializeToElement(receipt.Sequence);
        parameters["audit_entry_hash"] = JsonSerializer.SerializeToElement(receipt.EntryHash);
        response = response with { Parameters = parameters };
        if (BinaryResponseWriter.BinaryOutputs(body, response) is { } binary)
        {
            var bytes = BinaryResponseWriter.Write(response, binary, out var headerLength);
            return new BinaryInferenceResult(bytes, headerLength);
        }

        return Results.Ok(response);
    }

    private static async Task<IResult> PredictAsync(string model, PredictBody body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var result = await mediator.Send(new Predict(model, null, body.Text ?? ""), ct);
        var receipt = AuditReceiptDto.From(http);
        return Results.Ok(new PredictResponse(result.Model, result.Version, result.Labels, result.Anonymized, receipt));
    }
}

/// <summary>The audit entry behind an answer: where it sits in the log and its hash.</summary>
public sealed record AuditReceiptDto(long Sequence, string EntryHash, DateTimeOffset CommittedAt)
{
    public static AuditReceiptDto From(HttpContext http)
    {
        var receipt = http.RequestServices.GetRequiredService<AuditScope>().Receipt!;
        return new AuditReceiptDto(receipt.Sequence, receipt.EntryHash, receipt.CommittedAt);
    }
}
