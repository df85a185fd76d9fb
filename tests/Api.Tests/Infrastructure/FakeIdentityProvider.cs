using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// An external OpenID Connect provider on a loopback port: discovery document and JWKS only, enough
/// for the API to fetch its keys the way it would from a real IdP.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private WebApplication? _app;

    public string Issuer { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = Issuer + "/jwks",
        }));
        _app.MapGet("/jwks", () =>
        {
            var p = _key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid = "idp-1", x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) } } });
        });
        await _app.StartAsync();
        Issuer = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public string Issue(string role, string? tenant, string audience = "governance-api", ECDsa? signWith = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = tenant is null
                ? new Dictionary<string, object> { ["sub"] = "idp-user", ["role"] = role }
                : new Dictionary<string, object> { ["sub"] = "idp-user", ["role"] = role, ["tenant_id"] = tenant },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(signWith ?? _key) { KeyId = "idp-1" }, SecurityAlgorithms.EcdsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _key.Dispose();
    }
}
