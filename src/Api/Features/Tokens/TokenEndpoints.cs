using System.Text;
using Governance.Api.Pipeline;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Tokens;

public static class TokenEndpoints
{
    public static IServiceCollection AddTokenThrottle(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TokenThrottleOptions>(configuration.GetSection(TokenThrottleOptions.Section));
        services.AddSingleton<TokenAttemptLimiter>();
        services.AddSingleton<ClientSecretVerifier>();
        return services;
    }

    public static void MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("token.client_credentials")
            .Audited(AuditActions.TokenClientCredentials)
            .WithTags("Identity");
    }

    // Credentials come as form fields or HTTP Basic (RFC 6749 §2.3.1 prefers Basic).
    private static async Task<IResult> IssueAsync(HttpRequest http, IMediator mediator, CancellationToken ct)
    {
        if (!http.HasFormContentType)
        {
            throw new BadHttpRequestException("The token endpoint takes application/x-www-form-urlencoded.", StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await http.ReadFormAsync(ct);
        var (id, secret) = FromBasic(http.Headers.Authorization.ToString()) ?? (form["client_id"].ToString(), form["client_secret"].ToString());
        var response = await mediator.Send(new IssueClientToken(form["grant_type"].ToString(), NullIfEmpty(id), NullIfEmpty(secret), SourceOf(http)), ct);
        http.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Ok(response);
    }

    private static (string, string)? FromBasic(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[512];
        if (!Convert.TryFromBase64String(header[6..].Trim(), buffer, out var written))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(buffer[..written]);
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
    }

    // Behind a proxy this is the proxy, unless the host is configured with forwarded headers.
    private static string SourceOf(HttpRequest http) => http.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
