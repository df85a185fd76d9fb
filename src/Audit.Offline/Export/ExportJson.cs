using System.Text.Json.Serialization;

namespace Governance.Audit.Offline.Export;

/// <summary>The wire shape of a line: one flat object, "type" says which fields it carries.</summary>
internal sealed class ExportLine
{
    public string? Type { get; set; }

    public string? Format { get; set; }

    public int? Version { get; set; }

    public string? Origin { get; set; }

    public long? FirstSequence { get; set; }

    public long? LastSequence { get; set; }

    public DateTimeOffset? ExportedAt { get; set; }

    public string? PublicKeyPem { get; set; }

    public string? KeyId { get; set; }

    public long? TreeSize { get; set; }

    public byte[][]? Frontier { get; set; }

    public string? Note { get; set; }

    public long? FromSize { get; set; }

    public long? ToSize { get; set; }

    public byte[][]? Proof { get; set; }

    public long? Sequence { get; set; }

    public DateTimeOffset? CommittedAt { get; set; }

    public byte[]? LeafHash { get; set; }

    public byte[]? Canonical { get; set; }

    public ExportEntryFields? Entry { get; set; }
}

/// <summary>The readable fields of an entry; nulls are written, so every line names every field.</summary>
internal sealed class ExportEntryFields
{
    public Guid RequestId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? Action { get; set; }

    public string? Outcome { get; set; }

    public int StatusCode { get; set; }

    public string? ActorId { get; set; }

    public string? ActorRole { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? TenantId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ModelName { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ModelVersion { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ModelDigest { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ErrorCode { get; set; }

    public string[]? RuleIds { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? InputDigest { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? OutputDigest { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? TraceId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PolicyVersion { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Decision { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DataSubject { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ExportLine))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
