using Governance.Audit.Checkpointing;
using Governance.Audit.Checkpoints;
using Governance.Audit.Export;
using Governance.Audit.Merkle;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit.Exporting;

/// <summary>What an export wrote.</summary>
public sealed record ExportSummary(long First, long Last, long EntriesWritten, int Checkpoints, long LatestCheckpoint);

/// <summary>
/// Writes entries first..last from the database in the export format (src/Audit/Export): the tree
/// before them, every checkpoint inside the range, the latest checkpoint with a consistency proof
/// from the end of the range, then the entries with the leaf hashes the tree stores. The range ends
/// at the latest checkpoint at most, so everything exported is covered by a signature.
/// </summary>
public sealed class DatabaseExporter(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly string EntriesSql = AuditRows.SelectColumns.Replace(
        "FROM audit_entries",
        ", n.hash FROM audit_entries LEFT JOIN audit_tree_nodes n ON n.level = 0 AND n.node_index = audit_entries.sequence - 1 "
        + "WHERE sequence BETWEEN $1 AND $2 ORDER BY sequence",
        StringComparison.Ordinal);

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

        var pem = await store.PublicKeyPemAsync(latest.KeyId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The public key {latest.KeyId} of the latest checkpoint is not recorded.");
        var writer = new AuditExportWriter(output);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteHeader(new ExportHeader(latest.Body.Origin, first, last, time.GetUtcNow(), pem, latest.KeyId));
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

    // Stops at the first gap or unreadable row: the file then ends early, and any verifier reports
    // the missing entries, rather than the export inventing or skipping anything.
    private async Task<long> WriteEntriesAsync(AuditExportWriter writer, long first, long last, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(EntriesSql);
        command.Parameters.Add(new() { Value = first });
        command.Parameters.Add(new() { Value = last });
        var next = first;
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false) && reader.GetInt64(0) == next)
            {
                StoredAuditEntry row;
                try
                {
                    row = AuditRows.Read(reader);
                }
                catch (Exception ex) when (ex is FormatException or InvalidCastException)
                {
                    break;
                }

                var leaf = reader.IsDBNull(24) ? MerkleHash.Leaf(row.Canonical) : reader.GetFieldValue<byte[]>(24);
                writer.WriteEntry(row.Sequence, row.CommittedAt, row.Entry, row.Canonical, leaf);
                next++;
            }
        }

        return next - first;
    }
}
