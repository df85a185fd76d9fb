namespace Governance.Api.Observability;

/// <summary>The "Governance:Observability" section: where metrics are scraped and where traces go.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Governance:Observability";

    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>
    /// The meter's name. The OpenTelemetry SDK subscribes to meters by name across the whole process, so
    /// hosts sharing a process (tests) would mix, and drop, each other's series under one name.
    /// </summary>
    public string MeterName { get; set; } = GovernanceTelemetry.Name;

    /// <summary>When set, only admins may scrape (the series name the models served here); anonymous otherwise.</summary>
    public bool MetricsRequireAdmin { get; set; }

    /// <summary>An OTLP collector for traces and metrics; the standard OTEL_EXPORTER_OTLP_ENDPOINT works too. None: no export.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
