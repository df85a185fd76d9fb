using System.Security.Cryptography;
using Governance.Audit;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Integrity;
using Governance.Audit.Offline.Merkle;
using Governance.Audit.Publishing;
using Governance.Audit.Tests;
using Governance.Audit.Verification;
using Governance.Domain.Auditing;
using Governance.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Migrations.Tests;

/// <summary>
/// Databases written by earlier versions of the log keep every entry, its sequence and its leaf
/// through migration 0008, so checkpoints signed before the upgrade still verify after it.
/// </summary>
public sealed class UpgradeTests
{
    [Fact]
    public async Task EntriesWrittenBeforeTheMerkleLog_KeepTheirSequences_AndJoinTheTreeFirst()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await MigrateAsync(db, upTo: 1);
        // As the ADR-004 writer did at version 0001: chained rows, encoding version 1, no tree.
        var legacy = Enumerable.Range(1, 5).Select(i => Stored(i)).ToArray();
        await InsertOldEntriesAsync(db, legacy, version: 1, withStagedIds: false);
        await MigrateAsync(db, upTo: int.MaxValue);

        await using (var log = await RunningAuditLog.StartAsync(db.AppDataSource))
        {
            Assert.Equal(6, (await log.AppendAsync(SampleEntries.Create(6), CancellationToken.None)).Sequence);
        }

        var reader = new AuditReader(db.AppDataSource);
        for (var i = 0; i < legacy.Length; i++)
        {
            Assert.Equal(legacy[i].RequestId, (await reader.GetAsync(i + 1, CancellationToken.None))?.Entry.RequestId);
        }

        var verified = await LogCheck.VerifyAsync(db);
        Assert.True(verified.IsValid, verified.Problem);
        Assert.Equal(6, verified.EntriesChecked);
    }

    [Fact]
    public async Task LogOfTheStagingSequencer_CarriesOver_AndItsCheckpointStillVerifies()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await MigrateAsync(db, upTo: 7);
        // As migrations 0004-0007 left it: 300 integrated entries (every tree node stored, heads per
        // batch), three staged rows not integrated yet, and a checkpoint of 300 in the anchor.
        var entries = Enumerable.Range(1, 303).Select(i => Stored(i)).ToArray();
        var tree = await InsertOldEntriesAsync(db, entries[..300], version: 2, withStagedIds: true);
        await InsertStagedAsync(db, entries[300..]);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var anchorDirectory = Directory.CreateTempSubdirectory("governance-upgrade-").FullName;
        var anchor = new DirectoryAnchor(anchorDirectory);
        var signed = new CheckpointSigner(key).Sign(new Checkpoint("test.local/audit", 300, tree.Root(), DateTimeOffset.UtcNow));
        var store = new CheckpointStore(db.AppDataSource);
        await store.AddKeyAsync(new CheckpointSigner(key).KeyId, new CheckpointSigner(key).PublicKeyPem, CancellationToken.None);
        await store.AddAsync(signed, new CheckpointSigner(key).KeyId, CancellationToken.None);
        await anchor.PublishAsync(signed, CancellationToken.None);

        await MigrateAsync(db, upTo: int.MaxValue);
        await using (var log = await RunningAuditLog.StartAsync(db.AppDataSource))
        {
            Assert.Equal(304, (await log.AppendAsync(SampleEntries.Create(304), CancellationToken.None)).Sequence);
        }

        var verified = await new LogVerifier(db.AppDataSource, [new EcdsaNoteVerifier(key)], anchor).VerifyAsync(CancellationToken.None);
        Assert.True(verified.IsValid, verified.Problem);
        Assert.Equal(304, verified.EntriesChecked);
        Assert.Equal(300, verified.AnchoredTreeSize);
        Assert.Equal(entries[301].RequestId, (await new AuditReader(db.AppDataSource).GetAsync(302, CancellationToken.None))?.Entry.RequestId);
        // Proofs against the old checkpoint still work from what the migration kept (nodes of 256+ leaves, leaves in runs).
        var proofs = new ProofReader(db.AppDataSource);
        var leaf = MerkleHash.Leaf(AuditEntryEncoding.Encode(entries[149]));
        var path = await proofs.InclusionAsync(150, 300, CancellationToken.None);
        Assert.True(MerkleProofs.VerifyInclusion(149, 300, leaf, path, signed.Body.RootHash));
        Directory.Delete(anchorDirectory, recursive: true);
    }

    private static AuditEntry Stored(int index) =>
        SampleEntries.Create(index) with { OccurredAt = AuditEntryEncoding.TruncateToMicroseconds(SampleEntries.Time.AddSeconds(index)) };

    private static async Task MigrateAsync(TestDatabase db, int upTo) =>
        await new Migrator(db.OwnerDataSource, MigrationScript.LoadEmbedded().Where(s => s.Version <= upTo)).ApplyAsync(CancellationToken.None);

    // The old writers' rows: sequence, fields, canonical bytes and the ADR-004 chain; with staged ids,
    // also their staged originals, every perfect tree node and a tree head per 100 entries.
    private static async Task<CompactMerkleTree> InsertOldEntriesAsync(TestDatabase db, AuditEntry[] entries, byte version, bool withStagedIds)
    {
        var previous = new byte[32];
        var tree = new CompactMerkleTree();
        var nodes = new List<MerkleNode>();
        await using var connection = await db.OwnerDataSource.OpenConnectionAsync();
        for (var i = 0; i < entries.Length; i++)
        {
            var canonical = AuditEntryEncoding.Encode(entries[i], version);
            var hash = SHA256.HashData([.. previous, .. canonical]);
            await using (var insert = new NpgsqlCommand("""
                INSERT INTO audit_entries (sequence, request_id, occurred_at, action, outcome, status_code, actor_id, actor_role,
                    tenant_id, model_name, model_version, model_digest, rule_ids, input_digest, output_digest, trace_id,
                    canonical, entry_hash, previous_hash)
                VALUES ($1, $2, $3, $4, 'succeeded', 200, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                """, connection))
            {
                var e = entries[i];
                foreach (var value in new object[]
                {
                    i + 1L, e.RequestId, e.OccurredAt, e.Action, e.ActorId, e.ActorRole, e.TenantId!, e.ModelName!, e.ModelVersion!,
                    e.ModelDigest!, e.RuleIds.ToArray(), e.InputDigest!, e.OutputDigest!, e.TraceId!, canonical, hash, previous,
                })
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                await insert.ExecuteNonQueryAsync();
            }

            previous = hash;
            tree.Append(MerkleHash.Leaf(canonical), nodes);
            if (withStagedIds && tree.Size % 100 == 0)
            {
                await ExecuteAsync(connection, "INSERT INTO audit_tree_heads (tree_size, root_hash, staged_xmin) VALUES ($1, $2, pg_current_xact_id())", tree.Size, tree.Root());
            }
        }

        if (withStagedIds)
        {
            await ExecuteAsync(connection, "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only; "
                + "UPDATE audit_entries SET staged_id = sequence + 1000; ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only");
            await using var copy = await connection.BeginBinaryImportAsync("COPY audit_tree_nodes (level, node_index, hash) FROM STDIN (FORMAT BINARY)");
            foreach (var node in nodes)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync((short)node.Id.Level, NpgsqlDbType.Smallint);
                await copy.WriteAsync(node.Id.Index, NpgsqlDbType.Bigint);
                await copy.WriteAsync(node.Hash, NpgsqlDbType.Bytea);
            }

            await copy.CompleteAsync();
        }

        return tree;
    }

    private static async Task InsertStagedAsync(TestDatabase db, AuditEntry[] entries)
    {
        await using var connection = await db.OwnerDataSource.OpenConnectionAsync();
        foreach (var e in entries)
        {
            await ExecuteAsync(connection, """
                INSERT INTO audit_staged (request_id, occurred_at, action, outcome, status_code, actor_id, actor_role, tenant_id,
                    model_name, model_version, model_digest, rule_ids, input_digest, output_digest, trace_id, canonical)
                VALUES ($1, $2, $3, 'succeeded', 200, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                """,
                e.RequestId, e.OccurredAt, e.Action, e.ActorId, e.ActorRole, e.TenantId!, e.ModelName!, e.ModelVersion!, e.ModelDigest!,
                e.RuleIds.ToArray(), e.InputDigest!, e.OutputDigest!, e.TraceId!, AuditEntryEncoding.Encode(e));
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
