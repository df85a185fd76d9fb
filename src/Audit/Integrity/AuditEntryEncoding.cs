using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Governance.Domain.Auditing;

namespace Governance.Audit.Integrity;

/// <summary>
/// The canonical bytes of an audit entry and the hash chain over them. Pure functions with no
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
    public const int HashSize = 32;
    private const uint NullLength = uint.MaxValue;

    // Throwing on lone surrogates: a lenient encoder would map two different strings to one encoding.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] Genesis = new byte[HashSize];

    /// <summary>The previous hash of sequence 1: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> GenesisHash => Genesis;

    public static byte[] Encode(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write([CurrentVersion]);
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
        WriteString(buffer, entry.PolicyVersion);
        WriteString(buffer, entry.Decision);
        WriteString(buffer, entry.DataSubject);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>entry_hash = SHA-256(previous_hash || canonical).</summary>
    public static byte[] ComputeEntryHash(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> canonical)
    {
        if (previousHash.Length != HashSize)
        {
            throw new ArgumentException($"A previous hash is {HashSize} bytes.", nameof(previousHash));
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previousHash);
        sha.AppendData(canonical);
        return sha.GetHashAndReset();
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

        var length = StrictUtf8.GetByteCount(value);
        WriteUInt32(buffer, (uint)length);
        StrictUtf8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
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
