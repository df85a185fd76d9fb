using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Governance.Api.Configuration;

/// <summary>
/// The "Governance:Connections" section: how long Kestrel waits for a slow client before dropping it
/// (slow-loris: headers or a body trickled a byte at a time, a response never read), and how many
/// connections it holds at once. TestServer enforces none of these; SlowClientTests runs the real
/// Kestrel. docs/security.md says what each defends.
/// </summary>
public sealed class ConnectionLimitOptions
{
    public const string Section = "Governance:Connections";

    /// <summary>The whole request line and headers must arrive within this (Kestrel's default is 30 s).</summary>
    public double RequestHeadersTimeoutSeconds { get; set; } = 10;

    /// <summary>An idle kept-alive connection is closed after this (Kestrel's default is 130 s).</summary>
    public double KeepAliveTimeoutSeconds { get; set; } = 60;

    /// <summary>A request body slower than this, once its grace period is over, ends the request with 408.</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>More than 1 s (Kestrel's heartbeat); smaller values are raised to 1.5 s.</summary>
    public double MinRequestBodyGraceSeconds { get; set; } = 5;

    /// <summary>A client reading the response slower than this, after the grace period, is dropped.</summary>
    public double MinResponseBytesPerSecond { get; set; } = 240;

    public double MinResponseGraceSeconds { get; set; } = 5;

    /// <summary>Open connections beyond this are closed at once; empty means no limit (Kestrel's default).</summary>
    public long? MaxConcurrentConnections { get; set; }

    public static void Apply(KestrelServerOptions kestrel, IConfiguration configuration, long maxRequestBodySize)
    {
        var o = configuration.GetSection(Section).Get<ConnectionLimitOptions>() ?? new ConnectionLimitOptions();
        var limits = kestrel.Limits;
        limits.MaxRequestBodySize = maxRequestBodySize;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(Math.Max(0.1, o.RequestHeadersTimeoutSeconds));
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(Math.Max(0.1, o.KeepAliveTimeoutSeconds));
        // Kestrel checks rates on its one-second heartbeat and refuses a grace period of a second or less.
        limits.MinRequestBodyDataRate = new MinDataRate(o.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(Math.Max(1.5, o.MinRequestBodyGraceSeconds)));
        limits.MinResponseDataRate = new MinDataRate(o.MinResponseBytesPerSecond, TimeSpan.FromSeconds(Math.Max(1.5, o.MinResponseGraceSeconds)));
        limits.MaxConcurrentConnections = o.MaxConcurrentConnections;
        limits.MaxConcurrentUpgradedConnections = o.MaxConcurrentConnections;
    }
}
