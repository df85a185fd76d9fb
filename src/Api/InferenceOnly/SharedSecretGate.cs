using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Api.InferenceOnly;

/// <summary>
/// The inference-only node's whole authentication: the configured bearer secret, compared in constant time,
/// on every route but liveness and readiness (orchestrator probes carry no data). With no secret configured
/// (allowed only explicitly), a caller that is not on loopback is refused: it fails closed either way.
/// </summary>
public sealed class SharedSecretGate(RequestDelegate next, InferenceOnlyOptions options)
{
    // Compared as digests so that neither the secret's bytes nor its length show in the timing.
    private readonly byte[] _secret = options.BearerToken.Length == 0 ? [] : SHA256.HashData(Encoding.UTF8.GetBytes(options.BearerToken));

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsProbe(context.Request.Path) || Allowed(context))
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await InferenceOnlyErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "a valid bearer secret is required");
    }

    private bool Allowed(HttpContext context)
    {
        if (_secret.Length == 0)
        {
            return context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _secret);
    }

    private static bool IsProbe(PathString path) =>
        path.Equals("/v2/health/live", StringComparison.Ordinal) || path.Equals("/v2/health/ready", StringComparison.Ordinal);
}
