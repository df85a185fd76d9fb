using Governance.Audit.Offline.Checkpoints;
using Npgsql;

namespace Governance.Audit.Publishing;

/// <summary>Reads the tree head and stored checkpoints; appends checkpoints (never changes one).</summary>
public sealed class CheckpointStore(NpgsqlDataSource dataSource)
{
    /// <summary>The newest tree head, the root after the last run: size and root (null when nothing is integrated yet).</summary>
    public async Task<(long TreeSize, byte[] RootHash)?> LatestHeadAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT first_sequence + entry_count - 1, root_hash FROM audit_log_runs ORDER BY first_sequence DESC LIMIT 1");
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)) : null;
        }
    }

    public async Task<SignedCheckpoint?> LatestAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT note FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1");
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string note ? SignedCheckpoint.ParseNote(note) : null;
    }

    public async Task<SignedCheckpoint?> AtAsync(long treeSize, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT note FROM audit_checkpoints WHERE tree_size = $1");
        command.Parameters.Add(new() { Value = treeSize });
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string note ? SignedCheckpoint.ParseNote(note) : null;
    }

    /// <summary>The checkpoints with tree sizes in [from, to], oldest first, as stored notes.</summary>
    public async Task<IReadOnlyList<string>> NotesAsync(long from, long to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT note FROM audit_checkpoints WHERE tree_size BETWEEN $1 AND $2 ORDER BY tree_size");
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        var notes = new List<string>();
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                notes.Add(reader.GetString(0));
            }
        }

        return notes;
    }

    /// <summary>Records the public key that signs checkpoints (once per key).</summary>
    public async Task AddKeyAsync(string keyId, string publicKeyPem, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO audit_signing_keys (key_id, public_key_pem) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING");
        command.Parameters.Add(new() { Value = keyId });
        command.Parameters.Add(new() { Value = publicKeyPem });
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<string?> PublicKeyPemAsync(string keyId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT public_key_pem FROM audit_signing_keys WHERE key_id = $1");
        command.Parameters.Add(new() { Value = keyId });
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    /// <summary>The key id (SubjectPublicKeyInfo fingerprint) recorded with the checkpoint of that size.</summary>
    public async Task<string?> KeyIdAsync(long treeSize, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT key_id FROM audit_checkpoints WHERE tree_size = $1");
        command.Parameters.Add(new() { Value = treeSize });
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    /// <summary>
    /// Stores the checkpoint the log signed with key <paramref name="keyId"/> (its first signature line);
    /// if one of that size exists already, returns that one instead.
    /// </summary>
    public async Task<SignedCheckpoint> AddAsync(SignedCheckpoint checkpoint, string keyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO audit_checkpoints (tree_size, root_hash, signed_at, origin, key_id, signature, note)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tree_size) DO NOTHING
            """);
        var body = checkpoint.Body;
        foreach (var value in new object[] { body.TreeSize, body.RootHash, body.Timestamp, body.Origin, keyId, checkpoint.Signatures[0].Signature, checkpoint.ToNote() })
        {
            command.Parameters.Add(new() { Value = value });
        }

        if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
        {
            return checkpoint;
        }

        await using var existing = dataSource.CreateCommand("SELECT note FROM audit_checkpoints WHERE tree_size = $1");
        existing.Parameters.Add(new() { Value = body.TreeSize });
        return SignedCheckpoint.ParseNote((string)(await existing.ExecuteScalarAsync(ct).ConfigureAwait(false))!);
    }
}
