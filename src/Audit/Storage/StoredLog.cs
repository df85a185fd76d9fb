using System.Runtime.CompilerServices;
using Governance.Audit.Offline.Integrity;
using Governance.Audit.Offline.Merkle;
using Governance.Domain.Auditing;
using Npgsql;

namespace Governance.Audit.Storage;

/// <summary>A run: consecutive records the sequencer integrated together (ADR-010), as it writes them and as readers find them.</summary>
internal sealed record StoredRun(long FirstSequence, int Count, long FirstRecordId, byte[] LeafHashes, byte[] RootHash)
{
    public long LastSequence => FirstSequence + Count - 1;

    public long LastRecordId => FirstRecordId + Count - 1;

    public ReadOnlySpan<byte> Leaf(int offset) => LeafHashes.AsSpan(offset * MerkleHash.Size, MerkleHash.Size);
}

/// <summary>A row of audit_records; <see cref="Problem"/> says why <see cref="Entry"/> is null (an unreadable row).</summary>
internal sealed record StoredRecord(long Id, AuditEntry? Entry, DateTimeOffset RecordedAt, byte Encoding, byte[] LeafHash, string? Problem)
{
    /// <summary>The bytes its fields encode to in its version; false, with why, when they cannot be (tampered fields or version).</summary>
    public bool TryCanonical(out byte[] canonical, out string? problem)
    {
        try
        {
            canonical = AuditEntryEncoding.Encode(Entry!, Encoding);
            problem = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            canonical = [];
            problem = "its fields cannot be encoded: " + ex.Message;
            return false;
        }
    }
}

/// <summary>Reads runs and records in log order (one snapshot is the caller's business).</summary>
internal static class StoredLog
{
    // From the run holding sequence $1 (or the first) to the one holding $2.
    private const string RunsSql = """
        SELECT first_sequence, entry_count, first_record_id, leaf_hashes, root_hash FROM audit_log_runs
        WHERE first_sequence >= coalesce((SELECT max(first_sequence) FROM audit_log_runs WHERE first_sequence <= $1), 1)
          AND first_sequence <= $2
        ORDER BY first_sequence
        """;

    private const string RecordsSql = "SELECT id, recorded_at, leaf_hash, encoding, " + AuditEntryColumns.Fields
        + " FROM audit_records WHERE id BETWEEN $1 AND $2 ORDER BY id";

    public static async Task<List<StoredRun>> RunsAsync(NpgsqlConnection connection, long fromSequence, long toSequence, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(RunsSql, connection);
        command.Parameters.Add(new() { Value = fromSequence });
        command.Parameters.Add(new() { Value = toSequence });
        var runs = new List<StoredRun>();
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                runs.Add(new StoredRun(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<byte[]>(4)));
            }
        }

        return runs;
    }

    /// <summary>
    /// Where the runs stop describing one gap-free log (the database refuses this, so only tampering
    /// gets here): the first sequence affected and why; null when they chain from sequence 1.
    /// </summary>
    public static (long Sequence, string Problem)? BreakIn(IReadOnlyList<StoredRun> runs, long expectedFirst = 1)
    {
        var next = expectedFirst;
        var lastRecord = long.MinValue;
        foreach (var run in runs)
        {
            if (run.Count < 1 || run.LeafHashes.Length != run.Count * MerkleHash.Size || run.RootHash.Length != MerkleHash.Size)
            {
                return (run.FirstSequence, $"the run at sequence {run.FirstSequence} is malformed");
            }

            if (run.FirstSequence != next)
            {
                return (Math.Min(next, run.FirstSequence), run.FirstSequence > next
                    ? $"no run holds entries {next}..{run.FirstSequence - 1}: they were removed from the log"
                    : $"the run at sequence {run.FirstSequence} overlaps the one before it");
            }

            if (run.FirstRecordId <= lastRecord)
            {
                return (run.FirstSequence, $"the run at sequence {run.FirstSequence} goes back in record order");
            }

            next = run.LastSequence + 1;
            lastRecord = run.LastRecordId;
        }

        return null;
    }

    public static async IAsyncEnumerable<StoredRecord> RecordsAsync(
        NpgsqlConnection connection, long fromId, long toId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(RecordsSql, connection);
        command.Parameters.Add(new() { Value = fromId });
        command.Parameters.Add(new() { Value = toId });
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                yield return Read(reader);
            }
        }
    }

    private static StoredRecord Read(NpgsqlDataReader row)
    {
        AuditEntry? entry = null;
        string? problem = null;
        try
        {
            entry = AuditEntryColumns.ReadEntry(row, 4);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException)
        {
            problem = "row is not a valid entry: " + ex.Message;
        }

        return new StoredRecord(row.GetInt64(0), entry, row.GetFieldValue<DateTimeOffset>(1), (byte)row.GetInt16(3), row.GetFieldValue<byte[]>(2), problem);
    }
}
