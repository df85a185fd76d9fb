using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Governance.Api.Pipeline;

/// <summary>
/// PostgreSQL text cannot hold U+0000 (error 22021), so a NUL in any string used to become a 500 or
/// a 503 (issue 11); a JSON string that does not decode (invalid UTF-8, a lone surrogate) is refused alike. Every request is walked once, by reflection, before its validators run: a NUL
/// in any string, collection item, dictionary key or JSON value is a 400 naming the field. New
/// request types and fields are covered without code of their own.
/// </summary>
public static class NulCharacterRule
{
    public const string Message = "Must not contain the NUL character (U+0000) or text that is not valid UTF-8 / UTF-16.";
    private const int MaxDepth = 16;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The camelCase paths of every field holding a NUL, e.g. <c>manifest.inputs[0].name</c>.</summary>
    public static List<string> Offending(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = new List<string>();
        Walk(request, "", 0, found);
        return found;
    }

    private static void Walk(object? value, string path, int depth, List<string> found)
    {
        switch (value)
        {
            case null or byte[] or ReadOnlyMemory<byte> or Memory<byte>:
                return;
            case string s:
                if (s.Contains('\0', StringComparison.Ordinal))
                {
                    found.Add(path);
                }

                return;
            case JsonElement json:
                WalkJson(json, path, found);
                return;
            case JsonDocument document:
                WalkJson(document.RootElement, path, found);
                return;
            case System.Text.Json.Nodes.JsonNode node:
                WalkJson(JsonSerializer.SerializeToElement(node), path, found);
                return;
        }

        var type = value.GetType();
        if (depth > MaxDepth || type.IsPrimitive || type.IsEnum || value is IFormattable)
        {
            return;
        }

        switch (value)
        {
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key.ToString() ?? "";
                    Walk(key, $"{path}.{key}", depth + 1, found);
                    Walk(entry.Value, $"{path}.{key}", depth + 1, found);
                }

                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{i++}]", depth + 1, found);
                }

                return;
        }

        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Walk(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", depth + 1, found);
        }
    }

    private static void WalkJson(JsonElement element, string path, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when Text(element.GetString) is not { } text || text.Contains('\0', StringComparison.Ordinal):
                found.Add(path);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Text(() => property.Name);
                    var at = $"{path}.{name ?? "?"}";
                    if (name is null || name.Contains('\0', StringComparison.Ordinal))
                    {
                        found.Add(at);
                    }

                    WalkJson(property.Value, at, found);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    WalkJson(item, $"{path}[{i++}]", found);
                }

                break;
        }
    }

    // A JSON value is decoded only when read: invalid UTF-8 or a lone surrogate escape throws then, and
    // would be a 500 wherever it was first read; here it is the caller's error like a NUL.
    private static string? Text(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // Only the request's own data: public instance properties without parameters, declared by our types.
    private static PropertyInfo[] Readable(Type type) => type.Namespace?.StartsWith("Governance", StringComparison.Ordinal) == true
        ? [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)]
        : [];
}
