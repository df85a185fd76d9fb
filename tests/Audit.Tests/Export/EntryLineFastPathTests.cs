using System.Text.Json.Nodes;
using Governance.Audit.Offline.Export;
using Governance.Audit.Testing.Export;

namespace Governance.Audit.Tests.Export;

/// <summary>
/// The verifier reads entry lines on a fast path and falls back to an exact one: no edit of any
/// readable field may slip through the fast path, and a valid line in another layout still verifies.
/// </summary>
public sealed class EntryLineFastPathTests : IDisposable
{
    private readonly ExportFixture _log = new(30);

    public void Dispose() => _log.Dispose();

    public static TheoryData<string> Fields() =>
    [
        "request_id", "occurred_at", "action", "outcome", "status_code", "actor_id", "actor_role", "tenant_id", "model_name",
        "model_version", "model_digest", "error_code", "rule_ids", "input_digest", "output_digest", "trace_id", "policy_version",
        "decision", "data_subject",
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public void AnyEditedReadableField_FailsAtItsEntry_NamingIt(string field)
    {
        // Entry 22 has most fields set and some null (tenant, data subject), 21 the other way round.
        foreach (var sequence in new long[] { 21, 22 })
        {
            var lines = _log.Lines(1, 30, [30]);
            ExportTampering.EditEntry(lines, sequence, o => o["entry"]![field] = Changed(o["entry"]![field], field));

            var result = Verify(ExportFixture.Join(lines));

            Assert.True(result.FirstBadSequence == sequence, $"{field}@{sequence}: {result.Message}");
            Assert.Contains(field, result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MissingOrExtraField_FailsAtItsEntry()
    {
        var missing = _log.Lines(1, 30, [30]);
        ExportTampering.EditEntry(missing, 12, o => o["entry"]!.AsObject().Remove("actor_id"));
        var extra = _log.Lines(1, 30, [30]);
        ExportTampering.EditEntry(extra, 13, o => o["entry"]!["note"] = "x");

        Assert.Equal(12, Verify(ExportFixture.Join(missing)).FirstBadSequence);
        Assert.Equal(13, Verify(ExportFixture.Join(extra)).FirstBadSequence);
    }

    [Fact]
    public void ReorderedAndEscapedButEqualLines_StillVerify()
    {
        var lines = _log.Lines(1, 30, [30]);
        for (var s = 1; s <= 30; s++)
        {
            // JsonNode writes '+' as \u002B; reversing the properties leaves no line in the writer's layout.
            ExportTampering.EditEntry(lines, s, o =>
            {
                var reversed = o.Reverse().Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
                o.Clear();
                reversed.ForEach(p => o[p.Key] = p.Value);
            });
        }

        var result = Verify(ExportFixture.Join(lines));

        Assert.True(result.Verdict == ExportVerdict.Verified, result.Message);
    }

    private static JsonNode? Changed(JsonNode? value, string field) => field switch
    {
        "request_id" => Guid.Empty.ToString(),
        "occurred_at" => ((DateTimeOffset)value!).AddTicks(10).ToString("O", null),
        "status_code" => (int)value! + 1,
        "rule_ids" => new JsonArray("an.extra.rule"),
        "outcome" => (string?)value == "failed" ? "succeeded" : "failed",
        _ => value is null ? "now-set" : null,
    };

    private static ExportVerificationResult Verify(byte[] export)
    {
        using var stream = new MemoryStream(export);
        return AuditExportVerifier.Verify(stream);
    }
}
