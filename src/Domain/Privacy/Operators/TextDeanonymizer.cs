using System.Security.Cryptography;
using System.Text;

namespace Governance.Domain.Privacy.Operators;

/// <summary>
/// Restores the originals behind <c>&lt;ENC:TYPE:…&gt;</c> tokens. All or nothing: if any token fails
/// (wrong key, tampered, malformed) a <see cref="DeanonymizationException"/> is thrown and no text is returned.
/// Text that merely resembles a token (wrong grammar) is left as it is.
/// </summary>
public static class TextDeanonymizer
{
    public static string Decrypt(string text, byte[] encryptionKey)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(encryptionKey);
        var index = text.IndexOf(EncryptOperator.Prefix, StringComparison.Ordinal);
        if (index < 0)
        {
            return text;
        }

        using var aes = new AesGcm(encryptionKey, EncryptOperator.TagSize);
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (index >= 0)
        {
            if (TryParseToken(text, index, out var type, out var payload, out var end))
            {
                builder.Append(text, copied, index - copied);
                builder.Append(EncryptOperator.Decrypt(aes, type, text.AsSpan(payload, end - 1 - payload)));
                copied = end;
                index = text.IndexOf(EncryptOperator.Prefix, end, StringComparison.Ordinal);
            }
            else
            {
                index = text.IndexOf(EncryptOperator.Prefix, index + 1, StringComparison.Ordinal);
            }
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    // <ENC: [A-Z0-9_]+ : [A-Za-z0-9_-]+ >   (end is just past the '>')
    private static bool TryParseToken(string text, int start, out string type, out int payload, out int end)
    {
        type = "";
        payload = end = 0;
        var i = start + EncryptOperator.Prefix.Length;
        var typeStart = i;
        while (i < text.Length && (char.IsAsciiLetterUpper(text[i]) || char.IsAsciiDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        if (i == typeStart || i >= text.Length || text[i] != ':')
        {
            return false;
        }

        type = text[typeStart..i];
        payload = ++i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '-'))
        {
            i++;
        }

        if (i == payload || i >= text.Length || text[i] != '>')
        {
            return false;
        }

        end = i + 1;
        return true;
    }
}
