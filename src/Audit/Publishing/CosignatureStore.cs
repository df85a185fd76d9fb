using Governance.Audit.Offline.Checkpoints;
using Npgsql;

namespace Governance.Audit.Publishing;

/// <summary>
/// Witnesses' cosignature lines per checkpoint (append-only), and checkpoints as they are published:
/// the log's note with every cosignature appended.
/// </summary>
public sealed class CosignatureStore(NpgsqlDataSource dataSource)
{
    /// <summary>Stores a verified cosignature; false when that witness key already cosigned this checkpoint.</summary>
    public async Task<bool> AddAsync(long treeSize, NoteSignature cosignature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cosignature);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO audit_cosignatures (tree_size, key_name, key_hash, line) VALUES ($1, $2, $3, $4)
            ON CONFLICT (tree_size, key_name, key_hash) DO NOTHING
            """);
        foreach (var value in new object[] { treeSize, cosignature.KeyName, cosignature.KeyHash, cosignature.Line() })
        {
            command.Parameters.Add(new() { Value = value });
        }

        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    /// <summary>The checkpoint with the cosignatures received for it, in the order they arrived.</summary>
    public async Task<SignedCheckpoint> PublishedAsync(SignedCheckpoint checkpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var command = dataSource.CreateCommand("SELECT line FROM audit_cosignatures WHERE tree_size = $1 ORDER BY received_at, key_name");
        command.Parameters.Add(new() { Value = checkpoint.Body.TreeSize });
        var published = checkpoint;
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false) && published.Signatures.Count < SignedCheckpoint.MaxSignatures)
            {
                published = published.With(NoteSignature.Parse(reader.GetString(0).TrimEnd('\n')));
            }
        }

        return published;
    }
}
