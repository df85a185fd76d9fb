using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Domain.Privacy.Operators;

/// <summary>
/// AES-256-GCM under the tenant's data key. Token: <c>&lt;ENC:TYPE:base64url(nonce|ciphertext|tag)&gt;</c>;
/// the entity type is the associated data, so a token moved to another type fails to decrypt. The type
/// sits in the token because decryption needs it to check that binding.
/// </summary>
internal static class EncryptOperator
{
    public const string Prefix = "<ENC:";
    public const int NonceSize = 12;
    public const int TagSize = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encrypt(AnonymizationKeys keys, string entityType, string value)
    {
        var plaintext = StrictUtf8.GetBytes(value);
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        keys.Random.Fill(nonce);
        using (var aes = new AesGcm(keys.EncryptionKey, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length),
                sealedBytes.AsSpan(NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(entityType));
        }

        return string.Concat(Prefix, entityType, ":", Base64Url.EncodeToString(sealedBytes), ">");
    }

    /// <summary>Restores one token's value; throws <see cref="DeanonymizationException"/> when it cannot.</summary>
    public static string Decrypt(AesGcm aes, string entityType, ReadOnlySpan<char> payload)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(payload);
        }
        catch (FormatException ex)
        {
            throw new DeanonymizationException($"An {entityType} token is not valid base64url.", ex);
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new DeanonymizationException($"An {entityType} token is too short to hold a nonce and a tag.");
        }

        var cipherLength = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[cipherLength];
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, cipherLength),
                sealedBytes.AsSpan(NonceSize + cipherLength), plaintext, Encoding.UTF8.GetBytes(entityType));
            return StrictUtf8.GetString(plaintext);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new DeanonymizationException(
                $"An {entityType} token failed authentication: it was made with another key or has been altered.", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DeanonymizationException($"An {entityType} token does not decrypt to text.", ex);
        }
    }
}
