using System.Buffers.Text;
using System.Text.Json;
using Governance.Audit.Offline.Integrity;
using Governance.Audit.Offline.Merkle;
using Governance.Domain.Auditing;

namespace Governance.Audit.Offline.Export;

/// <summary>
/// The verifier's fast path for an entry line: one pass of <see cref="Utf8JsonReader"/>, base64
/// decoded into a reused buffer, and every readable field compared in place with the decoded
/// canonical bytes, so no string is made from the line. It only ever answers "this line is a
/// well-formed entry whose fields match"; on anything else (another layout, escapes, a mismatch,
/// bad JSON) it answers false and the verifier takes the exact, slower path that names the problem.
/// </summary>
internal static class EntryLineScanner
{
    private static readonly byte[][] FieldNames =
    [
        "request_id"u8.ToArray(), "occurred_at"u8.ToArray(), "action"u8.ToArray(), "outcome"u8.ToArray(), "status_code"u8.ToArray(),
        "actor_id"u8.ToArray(), "actor_role"u8.ToArray(), "tenant_id"u8.ToArray(), "model_name"u8.ToArray(), "model_version"u8.ToArray(),
        "model_digest"u8.ToArray(), "error_code"u8.ToArray(), "rule_ids"u8.ToArray(), "input_digest"u8.ToArray(), "output_digest"u8.ToArray(),
        "trace_id"u8.ToArray(), "policy_version"u8.ToArray(), "decision"u8.ToArray(), "data_subject"u8.ToArray(),
    ];

    private static readonly int AllFields = (1 << FieldNames.Length) - 1;

    public static bool TryScan(ReadOnlySpan<byte> line, ref byte[] canonical, out int canonicalLength, out long sequence, Span<byte> leafHash)
    {
        canonicalLength = -1;
        sequence = 0;
        try
        {
            var reader = new Utf8JsonReader(line);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && ScanTop(ref reader, ref canonical, ref canonicalLength, ref sequence, leafHash)
                && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool ScanTop(ref Utf8JsonReader r, ref byte[] canonical, ref int canonicalLength, ref long sequence, Span<byte> leafHash)
    {
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            int bit;
            bool ok;
            if (r.ValueTextEquals("type"u8))
            {
                (bit, ok) = (1, r.Read() && r.TokenType == JsonTokenType.String && r.ValueTextEquals("entry"u8));
            }
            else if (r.ValueTextEquals("sequence"u8))
            {
                (bit, ok) = (2, r.Read() && r.TokenType == JsonTokenType.Number && r.TryGetInt64(out sequence));
            }
            else if (r.ValueTextEquals("committed_at"u8))
            {
                (bit, ok) = (4, r.Read() && r.TokenType == JsonTokenType.String && r.TryGetDateTimeOffset(out _));
            }
            else if (r.ValueTextEquals("leaf_hash"u8))
            {
                (bit, ok) = (8, r.Read() && Base64Into(ref r, leafHash, out var written) && written == MerkleHash.Size);
            }
            else if (r.ValueTextEquals("canonical"u8))
            {
                (bit, ok) = (16, r.Read() && DecodeCanonical(ref r, ref canonical, out canonicalLength));
            }
            else if (r.ValueTextEquals("entry"u8))
            {
                (bit, ok) = (32, canonicalLength >= 0 && r.Read() && r.TokenType == JsonTokenType.StartObject && FieldsMatch(ref r, canonical.AsSpan(0, canonicalLength)));
            }
            else
            {
                return false;
            }

            if (!ok || (seen & bit) != 0)
            {
                return false;
            }

            seen |= bit;
        }

        return r.TokenType == JsonTokenType.EndObject && seen == 63;
    }

    private static bool Base64Into(ref Utf8JsonReader r, Span<byte> destination, out int written)
    {
        written = 0;
        return r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && !r.HasValueSequence
            && Base64.DecodeFromUtf8(r.ValueSpan, destination, out _, out written) == System.Buffers.OperationStatus.Done;
    }

    private static bool DecodeCanonical(ref Utf8JsonReader r, ref byte[] buffer, out int length)
    {
        length = -1;
        if (r.TokenType != JsonTokenType.String || r.HasValueSequence)
        {
            return false;
        }

        var needed = Base64.GetMaxDecodedFromUtf8Length(r.ValueSpan.Length);
        if (buffer.Length < needed)
        {
            buffer = new byte[Math.Max(needed, buffer.Length * 2)];
        }

        return Base64Into(ref r, buffer, out length);
    }

    private static bool FieldsMatch(ref Utf8JsonReader r, ReadOnlySpan<byte> canonical)
    {
        AuditEntry d;
        try
        {
            d = AuditEntryEncoding.Decode(canonical);
        }
        catch (FormatException)
        {
            return false;
        }

        var seen = 0;
        var next = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldIndex(ref r, next);
            if (field < 0 || (seen & (1 << field)) != 0 || !r.Read() || !FieldMatches(ref r, field, d))
            {
                return false;
            }

            seen |= 1 << field;
            next = field + 1;
        }

        return r.TokenType == JsonTokenType.EndObject && seen == AllFields;
    }

    private static int FieldIndex(ref Utf8JsonReader r, int expected)
    {
        // The writer's order first: one comparison per field in the usual case.
        if (expected < FieldNames.Length && r.ValueTextEquals(FieldNames[expected]))
        {
            return expected;
        }

        for (var i = 0; i < FieldNames.Length; i++)
        {
            if (r.ValueTextEquals(FieldNames[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool FieldMatches(ref Utf8JsonReader r, int field, AuditEntry d) => field switch
    {
        0 => r.TokenType == JsonTokenType.String && r.TryGetGuid(out var id) && id == d.RequestId,
        1 => r.TokenType == JsonTokenType.String && r.TryGetDateTimeOffset(out var at) && at.UtcTicks == d.OccurredAt.UtcTicks,
        2 => Same(ref r, d.Action),
        3 => Same(ref r, AuditOutcomeCodes.ToCode(d.Outcome)),
        4 => r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var status) && status == d.StatusCode,
        5 => Same(ref r, d.ActorId),
        6 => Same(ref r, d.ActorRole),
        7 => Same(ref r, d.TenantId),
        8 => Same(ref r, d.ModelName),
        9 => Same(ref r, d.ModelVersion),
        10 => Same(ref r, d.ModelDigest),
        11 => Same(ref r, d.ErrorCode),
        12 => SameList(ref r, d.RuleIds),
        13 => Same(ref r, d.InputDigest),
        14 => Same(ref r, d.OutputDigest),
        15 => Same(ref r, d.TraceId),
        16 => Same(ref r, d.PolicyVersion),
        17 => Same(ref r, d.Decision),
        _ => Same(ref r, d.DataSubject),
    };

    private static bool Same(ref Utf8JsonReader r, string? expected) => r.TokenType switch
    {
        JsonTokenType.Null => expected is null,
        JsonTokenType.String => expected is not null && r.ValueTextEquals(expected),
        _ => false,
    };

    private static bool SameList(ref Utf8JsonReader r, IReadOnlyList<string> expected)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var i = 0;
        while (r.Read() && r.TokenType == JsonTokenType.String)
        {
            if (i >= expected.Count || !r.ValueTextEquals(expected[i]))
            {
                return false;
            }

            i++;
        }

        return r.TokenType == JsonTokenType.EndArray && i == expected.Count;
    }
}
