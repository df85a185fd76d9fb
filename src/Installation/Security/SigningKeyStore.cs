using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Installation.Security;

/// <summary>
/// The local ES256 key that signs tokens for this install. Generated on first use into a git-ignored
/// file (0600); every process of the install (API, CLI) reads the same file.
/// </summary>
public sealed class SigningKeyStore
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private SigningKeyStore(ECDsaSecurityKey key) => Key = key;

    public ECDsaSecurityKey Key { get; }

    public SigningCredentials Credentials => new(Key, Algorithm);

    public static SigningKeyStore LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(path));
        return new SigningKeyStore(new ECDsaSecurityKey(ecdsa) { KeyId = KeyIdOf(ecdsa) });
    }

    private static void TryCreate(string path)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        OwnerOnlyFile.CreateIfMissing(path, System.Text.Encoding.ASCII.GetBytes(ecdsa.ExportPkcs8PrivateKeyPem()));
    }

    private static string KeyIdOf(ECDsa ecdsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo()))[..16];
}
