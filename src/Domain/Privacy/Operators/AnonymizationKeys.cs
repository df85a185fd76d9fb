namespace Governance.Domain.Privacy.Operators;

/// <summary>
/// One tenant's secrets for the keyed operators: the HMAC key (hash, pseudonym) and the AES-256 data
/// key (encrypt), plus the nonce source. Equal values give equal tokens only under the same keys,
/// which is what keeps two tenants' tokens unlinkable.
/// </summary>
public sealed record AnonymizationKeys
{
    public const int KeySize = 32;

    public AnonymizationKeys(byte[] hmacKey, byte[] encryptionKey, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(hmacKey);
        ArgumentNullException.ThrowIfNull(encryptionKey);
        ArgumentNullException.ThrowIfNull(random);
        if (hmacKey.Length < KeySize)
        {
            throw new ArgumentException($"The HMAC key must hold at least {KeySize} bytes.", nameof(hmacKey));
        }

        if (encryptionKey.Length != KeySize)
        {
            throw new ArgumentException($"The encryption key must hold exactly {KeySize} bytes (AES-256).", nameof(encryptionKey));
        }

        HmacKey = hmacKey;
        EncryptionKey = encryptionKey;
        Random = random;
    }

    public byte[] HmacKey { get; }

    public byte[] EncryptionKey { get; }

    public IRandomSource Random { get; }
}
