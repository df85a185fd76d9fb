using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Cli.Tests.Infrastructure;

/// <summary>Validates a CLI token the way a relying party would: only the public half of the key file.</summary>
internal static class TokenValidation
{
    public const string Issuer = "governance-local";
    public const string Audience = "governance-api";

    public static async Task<TokenValidationResult> ValidateAsync(string token, string keyFile)
    {
        using var full = ECDsa.Create();
        full.ImportFromPem(await File.ReadAllTextAsync(keyFile));
        // Not disposed: IdentityModel caches signature providers per key thumbprint process-wide, and the
        // next validation with the same key would get one wrapping a disposed ECDsa.
        var publicOnly = ECDsa.Create();
        publicOnly.ImportSubjectPublicKeyInfo(full.ExportSubjectPublicKeyInfo(), out _);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = new ECDsaSecurityKey(publicOnly),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        });
        Assert.True(result.IsValid, $"token did not validate: {result.Exception}");
        return result;
    }
}
