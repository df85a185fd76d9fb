using System.Security.Cryptography;
using System.Text;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// Presidio's AESCipher, so tokens move between Presidio and us both ways: AES-CBC, PKCS7 padding, a
/// random 16-byte IV in front, URL-safe base64. Unlike our own encrypt operator (AES-GCM under the
/// tenant's key) it has no integrity tag; a caller who wants one uses /api/v1/pii/anonymize.
/// </summary>
internal static class PresidioAes
{
    private const int BlockSize = 16;

    public static string Encrypt(byte[] key, string value)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var iv = RandomNumberGenerator.GetBytes(BlockSize);
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(value), iv, PaddingMode.PKCS7);
        return Convert.ToBase64String([.. iv, .. cipher]).Replace('+', '-').Replace('/', '_');
    }

    public static string Decrypt(byte[] key, string token)
    {
        byte[] sealedBytes;
        try
        {
            // Python's urlsafe_b64decode also takes the standard alphabet, and so do Presidio's clients.
            var standard = token.Replace('-', '+').Replace('_', '/');
            sealedBytes = Convert.FromBase64String(standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '='));
        }
        catch (FormatException)
        {
            throw new PresidioRequestException("Invalid input, the text to decrypt is not base64.", invalidParameter: true);
        }

        if (sealedBytes.Length < 2 * BlockSize || sealedBytes.Length % BlockSize != 0)
        {
            throw new PresidioRequestException("Invalid input, the text to decrypt is not an AES-CBC token.", invalidParameter: true);
        }

        try
        {
            using var aes = Aes.Create();
            aes.Key = key;
            var plain = aes.DecryptCbc(sealedBytes.AsSpan(BlockSize), sealedBytes.AsSpan(0, BlockSize), PaddingMode.PKCS7);
            return new UTF8Encoding(false, true).GetString(plain);
        }
        catch (Exception e) when (e is CryptographicException or DecoderFallbackException)
        {
            throw new PresidioRequestException("Invalid input, the text does not decrypt under this key.", invalidParameter: true);
        }
    }
}
