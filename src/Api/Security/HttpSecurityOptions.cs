namespace Governance.Api.Security;

/// <summary>
/// The "Governance:Http" section: browser-facing protections. CORS is closed unless origins are listed;
/// HTTPS redirection and HSTS are off by default because TLS usually ends at a proxy in front.
/// </summary>
public sealed class HttpSecurityOptions
{
    /// <summary>Origins (scheme://host[:port]) a browser may call the API from; empty means none.</summary>
    public string[] CorsAllowedOrigins { get; set; } = [];

    public bool HttpsRedirection { get; set; }

    /// <summary>The port redirects go to; null lets ASP.NET find it from the server's addresses.</summary>
    public int? HttpsPort { get; set; }

    public bool Hsts { get; set; }

    public int HstsMaxAgeDays { get; set; } = 365;
}
