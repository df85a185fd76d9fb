using System.Security.Cryptography;
using Governance.Api.Security;
using Governance.Installation.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Tests.Security;

/// <summary>
/// The validated-token cache in front of the strict handler, with real ES256 keys and the real validation:
/// a hit skips the signature verify and weakens no check.
/// </summary>
public sealed class TokenCacheTests
{
    private const string Issuer = "governance-local";
    private const string Audience = "governance-api";
    private readonly ECDsaSecurityKey _key = NewKey("a");

    [Fact]
    public async Task SecondValidation_OfTheSameToken_DoesNotVerifyTheSignatureAgain()
    {
        var (handler, cache) = Handler();
        var token = Sign(_key, TimeSpan.FromMinutes(10));

        var first = await handler.ValidateTokenAsync(token, Parameters(_key));
        var second = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(1, handler.FullValidations);
        Assert.Equal(1, cache.Count);
        Assert.Equal("tenant:acme", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
    }

    [Fact]
    public async Task ExpiredToken_IsRefusedEvenThoughItWasCached()
    {
        var (handler, _) = Handler();
        var token = Sign(_key, TimeSpan.FromSeconds(2));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        // JWT expiry has one-second resolution: wait past it on the real clock the validation uses.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var expired = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.False(expired.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(expired.Exception);
        Assert.Equal(2, handler.FullValidations);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task TamperedToken_NeverHitsTheCache(int part)
    {
        var (handler, cache) = Handler();
        var token = Sign(_key, TimeSpan.FromMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        var tampered = Tamper(token, part);
        var result = await handler.ValidateTokenAsync(tampered, Parameters(_key));

        Assert.False(result.IsValid);
        Assert.Equal(2, handler.FullValidations);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task Cache_HoldsNoMoreThanItsBound_AndTokensBeyondItStillValidate()
    {
        var (handler, cache) = Handler(maxEntries: 3);

        for (var i = 0; i < 6; i++)
        {
            var token = Sign(_key, TimeSpan.FromMinutes(10), subject: $"tenant:{i}");
            Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);
            Assert.True(cache.Count <= 3);
        }

        Assert.Equal(3, cache.Count);
        Assert.Equal(6, handler.FullValidations);
    }

    [Fact]
    public async Task SigningKeysChanging_EmptiesTheCache_AndAWithdrawnKeyRefusesItsTokens()
    {
        var (handler, cache) = Handler();
        var token = Sign(_key, TimeSpan.FromMinutes(10));
        var rotated = NewKey("b");
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        var withBoth = await handler.ValidateTokenAsync(token, Parameters(_key, rotated));
        var withdrawn = await handler.ValidateTokenAsync(token, Parameters(rotated));

        Assert.True(withBoth.IsValid);
        Assert.False(withdrawn.IsValid);
        Assert.Equal(3, handler.FullValidations);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task EntryLifetime_BoundsHowLongAHitIsTrusted()
    {
        var (handler, _) = Handler(lifetime: TimeSpan.FromMilliseconds(200));
        var token = Sign(_key, TimeSpan.FromMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        Assert.Equal(2, handler.FullValidations);
    }

    private static (StrictTokenHandler Handler, ValidatedTokenCache Cache) Handler(int maxEntries = 100, TimeSpan? lifetime = null)
    {
        var cache = new ValidatedTokenCache(TimeProvider.System, new TokenCacheOptions { MaxEntries = maxEntries, Lifetime = lifetime ?? TimeSpan.FromMinutes(5) });
        return (new StrictTokenHandler(TimeProvider.System, TimeSpan.FromDays(1), cache) { MapInboundClaims = false }, cache);
    }

    private static TokenValidationParameters Parameters(params SecurityKey[] keys) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = keys,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        ClockSkew = TimeSpan.Zero,
    };

    private static string Sign(SecurityKey key, TimeSpan lifetime, string subject = "tenant:acme")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = "tenant" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    // Flips one character of the header, payload or signature (base64url stays well-formed).
    private static string Tamper(string token, int part)
    {
        var parts = token.Split('.');
        var chars = parts[part].ToCharArray();
        var at = chars.Length / 2;
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        parts[part] = new string(chars);
        return string.Join('.', parts);
    }

    private static ECDsaSecurityKey NewKey(string id) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = id };
}
