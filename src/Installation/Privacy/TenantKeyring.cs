using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Governance.Domain.Privacy.Operators;
using Governance.Installation.Security;

namespace Governance.Installation.Privacy;

/// <summary>
/// Each tenant's anonymization keys, derived with HKDF-SHA256 from the install's master key (info
/// "governance/hmac/&lt;tenant&gt;" and "governance/data/&lt;tenant&gt;"). Deterministic, so every
/// instance of the API and the CLI derive the same keys; see ADR-005 for what replaces it.
/// </summary>
public sealed class TenantKeyring
{
    public const int MasterKeySize = 32;

    private readonly byte[] _master;
    private readonly IRandomSource _random;
    private readonly ConcurrentDictionary<string, AnonymizationKeys> _keys = new(StringComparer.Ordinal);

    public TenantKeyring(byte[] masterKey, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length != MasterKeySize)
        {
            throw new ArgumentException($"The privacy master key must hold exactly {MasterKeySize} bytes.", nameof(masterKey));
        }

        _master = masterKey;
        _random = random;
    }

    /// <summary>Reads the master key file, creating it (32 random bytes, mode 0600) on first use.</summary>
    public static TenantKeyring LoadOrCreate(string masterKeyFile, IRandomSource random)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(masterKeyFile);
        if (!File.Exists(masterKeyFile))
        {
            OwnerOnlyFile.CreateIfMissing(masterKeyFile, RandomNumberGenerator.GetBytes(MasterKeySize));
        }

        var key = File.ReadAllBytes(masterKeyFile);
        if (key.Length != MasterKeySize)
        {
            throw new InvalidOperationException(
                $"The privacy master key file '{masterKeyFile}' holds {key.Length} bytes; it must hold exactly {MasterKeySize}.");
        }

        return new TenantKeyring(key, random);
    }

    public AnonymizationKeys For(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return _keys.GetOrAdd(tenantId, static (tenant, self) => new AnonymizationKeys(
            self.Derive("governance/hmac/" + tenant), self.Derive("governance/data/" + tenant), self._random), this);
    }

    private byte[] Derive(string info) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _master, AnonymizationKeys.KeySize, salt: [], info: Encoding.UTF8.GetBytes(info));
}
