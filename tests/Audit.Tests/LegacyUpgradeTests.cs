using System.Security.Cryptography;
using Governance.Audit.Checkpointing;
using Governance.Audit.Checkpoints;
using Governance.Audit.Integrity;
using Governance.Audit.Verification;
using Governance.Testing;
using Npgsql;

namespace Governance.Audit.Tests;

/// <summary>A database that already holds entries from before the Merkle log (migrations 0001-0003) keeps them, in the tree.</summary>
public sealed class LegacyUpgradeTests
{
    [Fact]
    public async Task EntriesWrittenBeforeTheMerkleLog_AreAddedToTheTreeFirst_AndTheLogVerifies()
    {
        await using var db = await TestDatabase.CreateAsync();
        var previous = AuditEntryEncoding.GenesisHash.ToArray();
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            previous = await InsertLegacyAsync(db, sequence, previous);
        }

        await using (var log = new GroupCommitAuditLog(db.AppDataSource))
        {
            var receipt = await log.AppendAsync(SampleEntries.Create(6), CancellationToken.None);
            Assert.Equal(6, receipt.Sequence);
        }

        var anchor = new DirectoryAnchor(Directory.CreateTempSubdirectory("governance-legacy-").FullName);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = await new CheckpointPublisher(new CheckpointStore(db.AppDataSource), new CheckpointSigner(key), anchor, TimeProvider.System, "test.local/audit")
            .PublishAsync(CancellationToken.None);
        var result = await new LogVerifier(db.AppDataSource, key, anchor).VerifyAsync(CancellationToken.None);

        Assert.Equal(6, checkpoint?.Body.TreeSize);
        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(6, result.EntriesChecked);
        Directory.Delete(anchor.Directory, recursive: true);
    }

    // As the ADR-004 writer did: straight into audit_entries, chained, with no staged original.
    private static async Task<byte[]> InsertLegacyAsync(TestDatabase db, int sequence, byte[] previous)
    {
        var entry = SampleEntries.Create(sequence) with { OccurredAt = AuditEntryEncoding.TruncateToMicroseconds(SampleEntries.Time) };
        var canonical = AuditEntryEncoding.Encode(entry);
        var hash = AuditEntryEncoding.ComputeEntryHash(previous, canonical);
        await using var command = db.OwnerDataSource.CreateCommand("""
            INSERT INTO audit_entries (sequence, request_id, occurred_at, action, outcome, status_code, actor_id, actor_role,
                tenant_id, model_name, model_version, model_digest, rule_ids, input_digest, output_digest, trace_id,
                canonical, entry_hash, previous_hash)
            VALUES ($1, $2, $3, $4, 'succeeded', 200, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            """);
        foreach (var value in new object[]
        {
            sequence, entry.RequestId, entry.OccurredAt, entry.Action, entry.ActorId, entry.ActorRole, entry.TenantId!, entry.ModelName!,
            entry.ModelVersion!, entry.ModelDigest!, entry.RuleIds.ToArray(), entry.InputDigest!, entry.OutputDigest!, entry.TraceId!,
            canonical, hash, previous,
        })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
        return hash;
    }
}
