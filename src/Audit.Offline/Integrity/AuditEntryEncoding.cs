using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using Governance.Domain.Auditing;

namespace Governance.Audit.Offline.Integrity;

/// <summary>
/// The canonical bytes of an audit entry: what its Merkle leaf hashes. Pure functions with no
/// database types, so an offline verifier (the CLI) computes exactly what the writer computed.
/// </summary>
/// <remarks>
/// Version 1 layout (version 2 is the same plus the fields below), all integers big-endian: version byte 0x01; request id (16 bytes, RFC 9562
/// order); occurred-at (int64 unix microseconds); action; outcome code; status code (int32);
/// actor id; actor role; tenant id; model name; model version; model digest; error code;
/// rule-id count (uint32) then each rule id; input digest; output digest; trace id.
/// Version 2 appends: policy version; decision (canonical JSON); data subject reference.
/// A string is a uint32 byte length then its UTF-8 bytes; null is the length 0xFFFFFFFF, so
/// null and "" differ. Field order never changes within a version.
/// </remarks>
public static partial class AuditEntryEncoding
{
    public const byte CurrentVersion = 2;
    private const uint NullLength = uint.MaxValue;

    // Decoding throws on invalid UTF-8, as encoding throws on lone surrogates: a lenient codec would
    // map two different strings to one encoding.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);


    public static byte[] Encode(AuditEntry entry) => Encode(entry, CurrentVersion);

    /// <summary>
    /// The entry in an older layout too, so records written before a version change re-encode to the
    /// bytes that were hashed. Fields a version cannot hold must be null.
    /// </summary>
    public static byte[] Encode(AuditEntry entry, byte version)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        EncodeTo(buffer, entry, version);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Appends the canonical bytes to <paramref name="buffer"/> (no intermediate copy).</summary>
    public static void EncodeTo(ArrayBufferWriter<byte> buffer, AuditEntry entry, byte version)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(entry);
        if (version is not (1 or CurrentVersion))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Audit entry encodings are versions 1 and 2.");
        }

        if (version == 1 && (entry.PolicyVersion ?? entry.Decision ?? entry.DataSubject) is not null)
        {
            throw new ArgumentException("Encoding version 1 cannot hold a policy version, decision or data subject.", nameof(entry));
        }

        buffer.Write([version]);
        Span<byte> id = stackalloc byte[16];
        entry.RequestId.TryWriteBytes(id, bigEndian: true, out _);
        buffer.Write(id);
        WriteInt64(buffer, ToUnixMicroseconds(entry.OccurredAt));
        WriteRequired(buffer, entry.Action, nameof(entry.Action));
        WriteString(buffer, AuditOutcomeCodes.ToCode(entry.Outcome));
        WriteInt32(buffer, entry.StatusCode);
        WriteRequired(buffer, entry.ActorId, nameof(entry.ActorId));
        WriteRequired(buffer, entry.ActorRole, nameof(entry.ActorRole));
        WriteString(buffer, entry.TenantId);
        WriteString(buffer, entry.ModelName);
        WriteString(buffer, entry.ModelVersion);
        WriteString(buffer, entry.ModelDigest);
        WriteString(buffer, entry.ErrorCode);
        WriteRuleIds(buffer, entry.RuleIds);
        WriteString(buffer, entry.InputDigest);
        WriteString(buffer, entry.OutputDigest);
        WriteString(buffer, entry.TraceId);
        if (version >= 2)
        {
            WriteString(buffer, entry.PolicyVersion);
            WriteString(buffer, entry.Decision);
            WriteString(buffer, entry.DataSubject);
        }
    }

    /// <summary>Microseconds since 1970, rounded down: PostgreSQL's timestamptz resolution.</summary>
    public static long ToUnixMicroseconds(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return (ticks / 10) - (ticks % 10 < 0 ? 1 : 0);
    }

    /// <summary>The instant as stored: UTC, whole microseconds.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % 10), TimeSpan.Zero);

    private static void WriteRuleIds(ArrayBufferWriter<byte> buffer, IReadOnlyList<string> ruleIds)
    {
        ArgumentNullException.ThrowIfNull(ruleIds, nameof(AuditEntry.RuleIds));
        WriteUInt32(buffer, (uint)ruleIds.Count);
        for (var i = 0; i < ruleIds.Count; i++)
        {
            WriteRequired(buffer, ruleIds[i], nameof(AuditEntry.RuleIds));
        }
    }

    private static void WriteRequired(ArrayBufferWriter<byte> buffer, string? value, string field)
    {
        if (value is null)
        {
            throw new ArgumentException($"Audit entry field {field} must not be null.", field);
        }

        WriteString(buffer, value);
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            WriteUInt32(buffer, NullLength);
            return;
        }

        // One pass: UTF-8 needs at most 3 bytes per UTF-16 unit; the length goes in front afterwards.
        var span = buffer.GetSpan(4 + (value.Length * 3));
        if (Utf8.FromUtf16(value, span[4..], out _, out var length, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new ArgumentException("Audit entry text must be valid UTF-16 (no lone surrogates).", nameof(value));
        }

        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)length);
        buffer.Advance(4 + length);
    }

    private static void WriteUInt32(ArrayBufferWriter<byte> buffer, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private static void WriteInt32(ArrayBufferWriter<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private static void WriteInt64(ArrayBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }
}
