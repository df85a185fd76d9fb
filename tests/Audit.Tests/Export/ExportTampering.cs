using System.Text.Json.Nodes;

namespace Governance.Audit.Testing.Export;

/// <summary>Edits export lines the way someone holding the file could.</summary>
internal static class ExportTampering
{
    public static int IndexOfEntry(List<string> lines, long sequence) =>
        lines.FindIndex(l => JsonNode.Parse(l) is JsonObject o && (string?)o["type"] == "entry" && (long?)o["sequence"] == sequence);

    public static void Edit(List<string> lines, int index, Action<JsonObject> edit)
    {
        var line = JsonNode.Parse(lines[index])!.AsObject();
        edit(line);
        lines[index] = line.ToJsonString();
    }

    public static void EditEntry(List<string> lines, long sequence, Action<JsonObject> edit) => Edit(lines, IndexOfEntry(lines, sequence), edit);

    public static void EditCanonical(List<string> lines, long sequence, Action<byte[]> edit) => EditEntry(lines, sequence, o =>
    {
        var bytes = Convert.FromBase64String((string)o["canonical"]!);
        edit(bytes);
        o["canonical"] = Convert.ToBase64String(bytes);
    });
}
