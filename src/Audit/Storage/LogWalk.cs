using System.Runtime.CompilerServices;
using Npgsql;

namespace Governance.Audit.Storage;

/// <summary>One place in the log: the run and offset that put it there, and the record found for it.</summary>
internal sealed record LogPosition(long Sequence, StoredRun Run, int Offset, StoredRecord? Record, string? Problem);

/// <summary>
/// Pairs the runs with the records they name, in log order. Sequence order is record-id order, so
/// one ordered scan of audit_records meets every record where the runs expect it. The walk ends at
/// the first position that is not a readable record in its place (the position says why).
/// </summary>
internal static class LogWalk
{
    public static async IAsyncEnumerable<LogPosition> PositionsAsync(
        NpgsqlConnection connection, IReadOnlyList<StoredRun> runs, long fromSequence, long toSequence, [EnumeratorCancellation] CancellationToken ct)
    {
        var index = runs.Count == 0 ? -1 : FindRun(runs, fromSequence);
        if (index < 0 || fromSequence > toSequence)
        {
            yield break;
        }

        var last = Math.Min(toSequence, runs[^1].LastSequence);
        var offset = (int)(fromSequence - runs[index].FirstSequence);
        var sequence = fromSequence;
        var lastRun = runs[FindRun(runs, last)];
        await foreach (var record in StoredLog.RecordsAsync(
            connection, runs[index].FirstRecordId + offset, lastRun.FirstRecordId + (last - lastRun.FirstSequence), ct).ConfigureAwait(false))
        {
            var run = runs[index];
            var expected = run.FirstRecordId + offset;
            if (record.Id < expected)
            {
                yield return new LogPosition(sequence, run, offset, null,
                    $"record {record.Id} lies between the log's records but no run holds it: it was inserted around the sequencer");
                yield break;
            }

            if (record.Id > expected)
            {
                yield return new LogPosition(sequence, run, offset, null, $"entry {sequence} (record {expected}) is missing: deleted or the table restored from an older copy");
                yield break;
            }

            yield return new LogPosition(sequence, run, offset, record, record.Problem);
            if (record.Problem is not null)
            {
                yield break;
            }

            sequence++;
            if (++offset == run.Count)
            {
                index++;
                offset = 0;
            }
        }

        if (sequence <= last)
        {
            var run = runs[index];
            yield return new LogPosition(sequence, run, offset, null,
                $"entry {sequence} (record {run.FirstRecordId + offset}) is missing: deleted or the table restored from an older copy");
        }
    }

    private static int FindRun(IReadOnlyList<StoredRun> runs, long sequence)
    {
        var lo = 0;
        var hi = runs.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (runs[mid].LastSequence < sequence)
            {
                lo = mid + 1;
            }
            else if (runs[mid].FirstSequence > sequence)
            {
                hi = mid - 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
