using System.Buffers.Binary;
using Governance.Domain.Auditing;

namespace Governance.Audit.Offline.Integrity;

/// <summary>
/// Reading canonical bytes back (versions 1 and 2), so an offline verifier can check that the
/// readable fields of an export say what the hashed bytes say. Strict: any truncation, trailing
/// byte, invalid UTF-8 or unknown version is a <see cref="FormatException"/>.
/// </summary>
public static partial class AuditEntryEncoding
{
    public static AuditEntry Decode(ReadOnlySpan<byte> canonical)
    {
        var reader = new Reader(canonical);
        var version = reader.Byte();
        if (version is not (1 or 2))
        {
            throw new FormatException($"Unknown audit entry encoding version {version}.");
        }

        var requestId = new Guid(reader.Bytes(16), bigEndian: true);
        var occurredAt = FromUnixMicroseconds(reader.Int64());
        var action = reader.Required(nameof(AuditEntry.Action));
        var outcome = AuditOutcomeCodes.FromCode(reader.Required(nameof(AuditEntry.Outcome)));
        var statusCode = reader.Int32();
        var actorId = reader.Required(nameof(AuditEntry.ActorId));
        var actorRole = reader.Required(nameof(AuditEntry.ActorRole));
        var tenant = reader.String();
        var modelName = reader.String();
        var modelVersion = reader.String();
        var modelDigest = reader.String();
        var errorCode = reader.String();
        var ruleCount = reader.UInt32();
        var rules = new List<string>((int)Math.Min(ruleCount, 64));
        for (var i = 0u; i < ruleCount; i++)
        {
            rules.Add(reader.Required(nameof(AuditEntry.RuleIds)));
        }

        var entry = new AuditEntry(requestId, occurredAt, action, outcome, statusCode, actorId, actorRole, tenant, modelName,
            modelVersion, modelDigest, errorCode, rules, reader.String(), reader.String(), reader.String());
        if (version == 2)
        {
            entry = entry with { PolicyVersion = reader.String(), Decision = reader.String(), DataSubject = reader.String() };
        }

        reader.End();
        return entry;
    }

    private static DateTimeOffset FromUnixMicroseconds(long microseconds)
    {
        try
        {
            return DateTimeOffset.UnixEpoch.AddTicks(checked(microseconds * 10));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new FormatException($"The occurred-at instant {microseconds} µs is out of range.", e);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public byte Byte() => Bytes(1)[0];

        public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Bytes(4));

        public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Bytes(4));

        public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Bytes(8));

        public string? String()
        {
            var length = UInt32();
            if (length == NullLength)
            {
                return null;
            }

            try
            {
                return StrictUtf8.GetString(Bytes(checked((int)length)));
            }
            catch (Exception e) when (e is ArgumentException or OverflowException)
            {
                throw new FormatException("An audit entry string is not valid UTF-8 or is too long.", e);
            }
        }

        public string Required(string field) => String() ?? throw new FormatException($"Audit entry field {field} is null.");

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || count > _rest.Length)
            {
                throw new FormatException("The audit entry encoding ends early.");
            }

            var taken = _rest[..count];
            _rest = _rest[count..];
            return taken;
        }

        public readonly void End()
        {
            if (!_rest.IsEmpty)
            {
                throw new FormatException($"The audit entry encoding has {_rest.Length} trailing bytes.");
            }
        }
    }
}
