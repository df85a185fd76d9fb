using System.Data;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Export;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit.Publishing;

/// <summary>What an export wrote.</summary>
public sealed record ExportSummary(long First, long Last, long EntriesWritten, int Checkpoints, long LatestCheckpoint);

/// <summary>
/// Writes entries first..last from the database in the export format (src/Audit/Export): the tree
/// before them, every checkpoint inside the range, the latest checkpoint with a consistency proof
/// from the end of the range, then the entries with the leaf hashes the tree holds. The range ends
/// at the latest checkpoint at most, so everything exported is covered by a signature.
/// </summary>
public sealed class DatabaseExporter(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<ExportSummary> ExportAsync(Stream output, long? from, long? to, CancellationToken ct)
    {
        var store = new CheckpointStore(dataSource);
        var proofs = new ProofReader(dataSource);
        var latest = await store.LatestAsync(ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("No checkpoint has been published yet, so nothing can be exported verifiably.");
        var first = from ?? 1;
        var last = Math.Min(to ?? latest.Body.TreeSize, latest.Body.TreeSize);
        if (first < 1 || first > last + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"The range must satisfy 1 <= from <= to + 1 (to is at most the latest checkpoint, {latest.Body.TreeSize}).");
        }

        var keyId = await store.KeyIdAsync(latest.Body.TreeSize, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The latest checkpoint {latest.Body.TreeSize} names no key.");
        var pem = await store.PublicKeyPemAsync(keyId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The public key {keyId} of the latest checkpoint is not recorded.");
        var writer = new AuditExportWriter(output);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteHeader(new ExportHeader(latest.Body.Origin, first, last, time.GetUtcNow(), pem, keyId));
            writer.WritePrefix(first - 1, await proofs.FrontierAsync(first - 1, ct).ConfigureAwait(false));
            var written = 0;
            foreach (var note in await store.NotesAsync(Math.Max(1, first - 1), last, ct).ConfigureAwait(false))
            {
                writer.WriteCheckpoint(SignedCheckpoint.ParseNote(note));
                written++;
            }

            if (latest.Body.TreeSize > last)
            {
                writer.WriteCheckpoint(latest);
                writer.WriteConsistency(last, latest.Body.TreeSize, await proofs.ConsistencyAsync(last, latest.Body.TreeSize, ct).ConfigureAwait(false));
                written++;
            }

            var entries = await WriteEntriesAsync(writer, first, last, ct).ConfigureAwait(false);
            return new ExportSummary(first, last, entries, written, latest.Body.TreeSize);
        }
    }

    // Stops at the first missing, misplaced or unreadable record: the file then ends early, and any
    // verifier reports the missing entries, rather than the export inventing or skipping anything.
    // Each entry carries the leaf the log integrated for it and the bytes its stored fields encode to.
    private async Task<long> WriteEntriesAsync(AuditExportWriter writer, long first, long last, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var runs = await StoredLog.RunsAsync(connection, first, last, ct).ConfigureAwait(false);
                var written = 0L;
                if (runs.Count == 0 || StoredLog.BreakIn(runs, runs[0].FirstSequence) is not null)
                {
                    return written;
                }

                await foreach (var position in LogWalk.PositionsAsync(connection, runs, first, last, ct).ConfigureAwait(false))
                {
                    if (position.Problem is not null || !position.Record!.TryCanonical(out var canonical, out _))
                    {
                        break;
                    }

                    writer.WriteEntry(position.Sequence, position.Record!.RecordedAt, position.Record.Entry!, canonical, position.Run.Leaf(position.Offset));
                    written++;
                }

                return written;
            }
        }
    }
}
