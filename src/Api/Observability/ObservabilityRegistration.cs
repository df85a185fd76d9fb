using Governance.Api.Security;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Governance.Api.Observability;

/// <summary>
/// Metrics on a Prometheus scraping endpoint, traces of the same stages; both exported over OTLP only
/// when a collector is configured, so an install without one pays nothing for export.
/// </summary>
public static class ObservabilityRegistration
{
    private const string OtlpEnvironment = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddGovernanceObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        services.AddSingleton(options);
        services.AddSingleton<GovernanceTelemetry>();
        var otlp = options.OtlpEndpoint is not null || !string.IsNullOrWhiteSpace(configuration[OtlpEnvironment]);
        services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                // No response cache: a scrape right after a call must show it (the exporter caches 300 ms by default).
                metrics.AddMeter(options.MeterName).AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                metrics.AddMeter(Inference.Remote.RemoteTelemetry.MeterName);
                if (otlp)
                {
                    metrics.AddOtlpExporter(o => Point(o, options));
                }
            })
            .WithTracing(tracing =>
            {
                // ASP.NET Core's own request activity, so the stages nest under the call they belong to.
                tracing.AddSource(GovernanceTelemetry.Name, "Microsoft.AspNetCore");
                if (otlp)
                {
                    tracing.AddOtlpExporter(o => Point(o, options));
                }
            });
        return services;
    }

    public static void MapGovernanceMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ObservabilityOptions>();
        var endpoint = app.MapPrometheusScrapingEndpoint(options.MetricsPath);
        if (options.MetricsRequireAdmin)
        {
            endpoint.RequireAuthorization(AuthorizationPolicies.Admin);
        }
        else
        {
            endpoint.AllowAnonymous();
        }
    }

    private static void Point(OpenTelemetry.Exporter.OtlpExporterOptions exporter, ObservabilityOptions options)
    {
        if (options.OtlpEndpoint is not null)
        {
            exporter.Endpoint = options.OtlpEndpoint;
        }
    }
}
