using System.Security.Cryptography;
using System.Text;
using Governance.Api.Security;

namespace Governance.Api.Composition;

/// <summary>The audit key (ECDSA P-256): read from its PEM file, created there (0600) on first run.</summary>
public static class AuditSigningKey
{
    public static ECDsa LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            OwnerOnlyFile.CreateIfMissing(path, Encoding.ASCII.GetBytes(fresh.ExportPkcs8PrivateKeyPem()));
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }
}
