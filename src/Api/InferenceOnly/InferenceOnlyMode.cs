using Governance.Api.Configuration;
using Governance.Api.ModelStore;
using Governance.Inference.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Governance.Api.InferenceOnly;

/// <summary>
/// <c>Governance:Mode = InferenceOnly</c>: the same executable as a compute node (ADR-030). It composes only
/// ONNX Runtime, the model host and the /v2 surface: no database, no audit, no policies, no tokens. Options
/// are checked before anything listens; a missing secret or an unloadable model stops the start.
/// </summary>
public static partial class InferenceOnlyMode
{
    public const string ModeKey = "Governance:Mode";
    public const string InferenceOnly = "InferenceOnly";

    public static bool IsRequested(IConfiguration configuration) =>
        string.Equals(configuration[ModeKey], InferenceOnly, StringComparison.OrdinalIgnoreCase);

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(InferenceOnlyOptions.Section).Get<InferenceOnlyOptions>() ?? new InferenceOnlyOptions();
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(InferenceOnlyOptions.Section, typeof(InferenceOnlyOptions), problems);
        }

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(InferenceOnlyOptions.DefaultUrl);
        }

        var services = builder.Services;
        services.AddSingleton(options);
        // InferenceBody reads the body limit from here; nothing else of the governed options is used.
        services.AddOptions<GovernanceOptions>().Bind(builder.Configuration.GetSection(GovernanceOptions.Section));
        services.AddModelSessions();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue<long?>("Governance:Limits:MaxRequestBodyBytes") ?? new LimitOptions().MaxRequestBodyBytes);

        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            LogFailed(app.Logger, failure, context.Request.Path);
            await InferenceOnlyErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "the inference failed; see the node's log");
        }));
        app.UseMiddleware<SharedSecretGate>();
        app.MapInferenceOnlyEndpoints();
        return app;
    }

    /// <summary>Loads the model directory; called before the node starts listening.</summary>
    public static Task LoadModelsAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<InferenceOnlyOptions>();
        if (options.BearerToken.Length == 0)
        {
            LogLoopbackOnly(app.Logger);
        }

        return ModelDirectory.LoadAsync(options.ModelDirectory, app.Services.GetRequiredService<ModelLoader>(), app.Services.GetRequiredService<ModelHost>(), app.Logger, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inference-only: {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception? exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inference-only: no bearer secret configured; only loopback callers are answered")]
    private static partial void LogLoopbackOnly(ILogger logger);
}
