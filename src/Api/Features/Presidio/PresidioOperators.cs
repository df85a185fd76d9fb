using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// Presidio's operators with Presidio's parameters: replace, redact, mask, hash (sha256/sha512 over the
/// value and a salt, random per entity unless given), encrypt (AES-CBC under the caller's key), keep;
/// and decrypt for /deanonymize. Anything else, custom included, is refused by name.
/// </summary>
internal sealed record PresidioOperator(string Name, Func<string, string, string> Apply)
{
    public const string Default = "DEFAULT";

    public static IReadOnlyList<string> Anonymizers { get; } = ["hash", "mask", "redact", "replace", "encrypt", "keep"];

    public static IReadOnlyList<string> Deanonymizers { get; } = ["decrypt"];

    /// <summary>Presidio's default when a request names none: replace with &lt;ENTITY_TYPE&gt;.</summary>
    public static PresidioOperator Replace { get; } = new("replace", static (_, type) => $"<{type}>");

    public static Dictionary<string, PresidioOperator> ReadAll(JsonElement? element, string field, bool deanonymize)
    {
        var operators = new Dictionary<string, PresidioOperator>(StringComparer.Ordinal);
        if (element is not { } map)
        {
            return operators;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new PresidioRequestException($"'{field}' must be an object of entity type to operator.");
        }

        foreach (var entry in map.EnumerateObject())
        {
            operators[entry.Name] = Read(entry.Value, $"{field}.{entry.Name}", deanonymize);
        }

        return operators;
    }

    private static PresidioOperator Read(JsonElement element, string where, bool deanonymize)
    {
        var type = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : throw new PresidioRequestException($"{where} needs a 'type'.");
        if (type == "custom")
        {
            throw new PresidioRequestException("Custom type anonymizer is not supported");
        }

        if (deanonymize != (type == "decrypt"))
        {
            throw new PresidioRequestException(
                $"Operator '{type}' in {where} is not supported; use one of {string.Join(", ", deanonymize ? Deanonymizers : Anonymizers)}.");
        }

        return type switch
        {
            "replace" => ReplaceWith(PresidioJson.Object(element, where, "type", "new_value").String("new_value")),
            "redact" => Fixed(PresidioJson.Object(element, where, "type"), "redact", static (_, _) => ""),
            "keep" => Fixed(PresidioJson.Object(element, where, "type"), "keep", static (v, _) => v),
            "mask" => Mask(PresidioJson.Object(element, where, "type", "masking_char", "chars_to_mask", "from_end"), where),
            "hash" => Hash(PresidioJson.Object(element, where, "type", "hash_type", "salt"), where),
            "encrypt" => Cipher("encrypt", PresidioJson.Object(element, where, "type", "key"), PresidioAes.Encrypt),
            "decrypt" => Cipher("decrypt", PresidioJson.Object(element, where, "type", "key"), PresidioAes.Decrypt),
            _ => throw new PresidioRequestException(
                $"Operator '{type}' in {where} is not supported; use one of {string.Join(", ", Anonymizers)}."),
        };
    }

    private static PresidioOperator Fixed(PresidioJson _, string name, Func<string, string, string> apply) => new(name, apply);

    private static PresidioOperator ReplaceWith(string? newValue) =>
        newValue is null ? Replace : new("replace", (_, _) => newValue);

    private static PresidioOperator Mask(PresidioJson json, string where)
    {
        var maskingChar = json.String("masking_char");
        var count = json.Integer("chars_to_mask");
        if (maskingChar is not { Length: 1 })
        {
            throw new PresidioRequestException($"Invalid input, masking_char in {where} must be a single character", invalidParameter: true);
        }

        if (count is not >= 0)
        {
            throw new PresidioRequestException($"Invalid input, chars_to_mask in {where} must be a non-negative integer", invalidParameter: true);
        }

        var fromEnd = json.Flag("from_end") ?? false;
        var c = maskingChar[0];
        return new("mask", (value, _) =>
        {
            var n = Math.Min(count.Value, value.Length);
            return fromEnd ? string.Concat(value.AsSpan(0, value.Length - n), new string(c, n)) : string.Concat(new string(c, n), value.AsSpan(n));
        });
    }

    private static PresidioOperator Hash(PresidioJson json, string where)
    {
        var hashType = json.String("hash_type") ?? "sha256";
        if (hashType is not ("sha256" or "sha512"))
        {
            throw new PresidioRequestException($"Parameter hash_type in {where} value {hashType} is not in [sha256, sha512].", invalidParameter: true);
        }

        var salt = json.String("salt") is { } s ? Encoding.UTF8.GetBytes(s) : null;
        if (salt is not null && salt.Length < 16)
        {
            throw new PresidioRequestException($"Salt must be at least 16 bytes (128 bits). Provided salt is {salt.Length} bytes.", invalidParameter: true);
        }

        return new("hash", (value, _) =>
        {
            // A random salt per entity unless the caller fixed one (Presidio's rule: no rainbow tables).
            var bytes = Encoding.UTF8.GetBytes(value).Concat(salt ?? RandomNumberGenerator.GetBytes(32)).ToArray();
            return Convert.ToHexStringLower(hashType == "sha256" ? SHA256.HashData(bytes) : SHA512.HashData(bytes));
        });
    }

    private static PresidioOperator Cipher(string name, PresidioJson json, Func<byte[], string, string> apply)
    {
        var key = Encoding.UTF8.GetBytes(json.String("key") ?? "");
        if (key.Length is not (16 or 24 or 32))
        {
            throw new PresidioRequestException("Invalid input, key must be of length 128, 192 or 256 bits", invalidParameter: true);
        }

        return new(name, (value, _) => apply(key, value));
    }
}
