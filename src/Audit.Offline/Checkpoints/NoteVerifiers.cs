using System.Security.Cryptography;
using NSec.Cryptography;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>Reads the key forms an auditor is handed: a signed-note verifier key, or a PEM public (or private) key.</summary>
public static class NoteVerifiers
{
    /// <summary>
    /// <paramref name="text"/> is a verifier key (<c>name+hash+base64</c>) or PEM. A PEM Ed25519 key is
    /// named <paramref name="origin"/> (the log's key name); a PEM ECDSA key keeps the pre-ADR-023 name, its key id.
    /// Throws <see cref="FormatException"/> for anything else.
    /// </summary>
    public static NoteVerifier Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal) ? FromPem(trimmed, origin) : FromVerifierKey(trimmed);
    }

    public static NoteVerifier FromPem(string pem, string origin)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var bytes = System.Text.Encoding.ASCII.GetBytes(pem);
        if (PublicKey.TryImport(SignatureAlgorithm.Ed25519, bytes, KeyBlobFormat.PkixPublicKeyText, out var ed25519) && ed25519 is not null)
        {
            return new Ed25519NoteVerifier(origin, ed25519);
        }

        using (var privateKey = TryImportPrivate(bytes))
        {
            if (privateKey is not null)
            {
                return new Ed25519NoteVerifier(origin, privateKey.PublicKey);
            }
        }

        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(pem);
            return new EcdsaNoteVerifier(ecdsa);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException or PlatformNotSupportedException)
        {
            throw new FormatException("The PEM holds neither an Ed25519 nor an ECDSA P-256 key: " + e.Message, e);
        }
    }

    /// <summary>Parses <c>&lt;name&gt;+&lt;8 hex digits&gt;+base64(type || key)</c> for types 0x01, 0x02 and 0x04.</summary>
    public static NoteVerifier FromVerifierKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('+', 3);
        if (parts.Length != 3 || !NoteSignature.IsKeyName(parts[0]) || parts[1].Length != 2 * NoteSignature.KeyHashLength
            || !parts[1].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new FormatException("A verifier key is '<name>+<8 lower-case hex digits>+<base64 of type byte and key>'.");
        }

        var blob = CheckpointNote.DecodeBase64(parts[2], "verifier key");
        if (blob.Length < 2)
        {
            throw new FormatException("A verifier key holds a type byte and a key.");
        }

        NoteVerifier verifier;
        try
        {
            verifier = blob[0] switch
            {
                Ed25519NoteVerifier.Type => new Ed25519NoteVerifier(parts[0], blob.AsSpan(1)),
                CosignatureVerifier.Type => new CosignatureVerifier(parts[0], blob.AsSpan(1)),
                EcdsaNoteVerifier.Type => EcdsaNoteVerifier.FromSubjectPublicKeyInfo(blob[1..], parts[0]),
                _ => throw new FormatException($"Signature type 0x{blob[0]:x2} is not one this verifier knows (0x01, 0x02, 0x04)."),
            };
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new FormatException("The verifier key's key is invalid: " + e.Message, e);
        }

        if (Convert.ToHexStringLower(verifier.KeyHash) != parts[1])
        {
            throw new FormatException($"The verifier key's hash {parts[1]} is not the hash of its name and key ({Convert.ToHexStringLower(verifier.KeyHash)}).");
        }

        return verifier;
    }

    private static Key? TryImportPrivate(byte[] pem) =>
        Key.TryImport(SignatureAlgorithm.Ed25519, pem, KeyBlobFormat.PkixPrivateKeyText, out var key) ? key : null;
}
