using Governance.Api.Features.Inference;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;

namespace Governance.Api.InferenceOnly;

/// <summary>
/// The Open Inference Protocol REST surface of an inference-only node: health, model metadata and readiness,
/// and infer (JSON, compressed and binary-extension bodies, as the governed /v2 reads them). No policy, no
/// anonymization and no audit: those are the governed API's, in front of this node.
/// </summary>
internal static class InferenceOnlyEndpoints
{
    public static void MapInferenceOnlyEndpoints(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2");
        v2.MapGet("/", () => Results.Ok(new { name = "governance-inference-only", version = typeof(InferenceOnlyEndpoints).Assembly.GetName().Version?.ToString(3), extensions = new[] { "binary_tensor_data" } }));
        v2.MapGet("/health/live", () => Results.Ok(new { live = true }));
        v2.MapGet("/health/ready", (ModelHost host) => Results.Ok(new { ready = true, modelsLoaded = host.Count, executionProvider = host.ActiveExecutionProvider }));
        foreach (var prefix in new[] { "/models/{model}", "/models/{model}/versions/{version}" })
        {
            v2.MapGet(prefix, (string model, string? version, ModelHost host) =>
                Find(host, model, version) is { } found ? Results.Ok(ModelMetadata.From(found, version is null ? host.GetVersions(model) : null)) : NotFound(model, version));
            v2.MapGet(prefix + "/ready", (string model, string? version, ModelHost host) =>
                host.IsReady(model, version) ? Results.Ok(new { name = model, ready = true }) : NotFound(model, version));
            v2.MapPost(prefix + "/infer", InferAsync);
        }
    }

    private static async Task<IResult> InferAsync(string model, string? version, ModelHost host, HttpContext http, CancellationToken ct)
    {
        if (Find(host, model, version) is not { } found)
        {
            return NotFound(model, version);
        }

        try
        {
            var body = await InferenceBody.ReadAsync(http.Request, ct);
            var response = await found.RunAsync(body, ct);
            if (BinaryResponseWriter.BinaryOutputs(body, response) is { } binary)
            {
                return new BinaryInferenceResult(BinaryResponseWriter.Write(response, binary, out var headerLength), headerLength);
            }

            return Results.Ok(response);
        }
        catch (InferenceInputException ex)
        {
            return InferenceOnlyErrors.Result(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            return InferenceOnlyErrors.Result(ex.StatusCode, ex.Message);
        }
        catch (ObjectDisposedException)
        {
            return InferenceOnlyErrors.Result(StatusCodes.Status503ServiceUnavailable, $"model '{model}' was unloaded");
        }
    }

    private static LoadedModel? Find(ModelHost host, string model, string? version) =>
        (version is null ? host.TryGetLatest(model, out var found) : host.TryGet(model, version, out found)) ? found : null;

    private static IResult NotFound(string model, string? version) =>
        InferenceOnlyErrors.Result(StatusCodes.Status404NotFound, version is null ? $"model '{model}' is not served here" : $"model '{model}' version '{version}' is not served here");
}
