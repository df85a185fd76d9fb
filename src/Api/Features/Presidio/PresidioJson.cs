using System.Text.Json;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// Reads a Presidio request object strictly: a member we do not know is refused by name, because a
/// privacy instruction we silently ignored would be a leak; a member of the wrong JSON type is refused too.
/// </summary>
internal readonly struct PresidioJson(JsonElement element, string where)
{
    public JsonElement Element => element;

    public static async Task<JsonElement> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        return document.RootElement.Clone();
    }

    public static PresidioJson Object(JsonElement element, string where, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PresidioRequestException($"{where} must be a JSON object.");
        }

        foreach (var member in element.EnumerateObject())
        {
            if (Array.IndexOf(known, member.Name) < 0)
            {
                throw new PresidioRequestException(
                    $"Unsupported field '{member.Name}' in {where}; supported: {string.Join(", ", known)}.");
            }
        }

        return new PresidioJson(element, where);
    }

    public bool Has(string name) => element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public JsonElement? Get(string name) => element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public string? String(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        _ => throw Wrong(name, "a string"),
    };

    public double? Number(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        _ => throw Wrong(name, "a number"),
    };

    public int? Integer(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt32(out var i) => i,
        _ => throw Wrong(name, "an integer"),
    };

    /// <summary>Python's truthiness for the values Presidio's clients send: true/false, 0/1.</summary>
    public bool? Flag(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.Number } v => v.GetDouble() != 0,
        _ => throw Wrong(name, "a boolean"),
    };

    public IReadOnlyList<string>? Strings(string name)
    {
        if (Get(name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(name, "a list of strings");
        }

        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Wrong(name, "a list of strings"));
        }

        return list;
    }

    public PresidioRequestException Wrong(string name, string expected) => new($"'{name}' in {where} must be {expected}.");
}
