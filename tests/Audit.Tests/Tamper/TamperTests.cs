using Governance.Audit.Checkpoints;
using Governance.Audit.Export;
using Governance.Audit.Integrity;
using Governance.Domain.Auditing;

namespace Governance.Audit.Tests.Tamper;

/// <summary>
/// Attacks by a superuser directly in SQL (triggers off) on a log of 20 entries with signed,
/// anchored checkpoints at 10 and 20. Each is found, with the first affected entry, by the online
/// verifier (GET /api/v1/audit/verify) and by the offline one (export, then verify the file).
/// </summary>
public sealed class TamperTests
{
    [Fact]
    public async Task UntouchedLog_VerifiesOnlineAndOffline()
    {
        await using var log = await SignedLog.CreateAsync();

        var online = await log.VerifyOnlineAsync();
        var offline = await log.VerifyOfflineAsync();

        Assert.True(online.IsValid, online.Problem);
        Assert.Equal(20, online.EntriesChecked);
        Assert.Equal(20, online.AnchoredTreeSize);
        Assert.Equal(2, online.CheckpointsChecked);
        Assert.True(offline.Verdict == ExportVerdict.Verified, offline.Message);
        Assert.Equal(20, offline.EntriesChecked);
    }

    [Fact]
    public async Task UpdatedField_IsFoundAtThatEntry()
    {
        await using var log = await SignedLog.CreateAsync();

        await log.SqlAsync("UPDATE audit_entries SET tenant_id = 'someone-else' WHERE sequence = 7");

        await AssertFoundAtAsync(log, 7);
    }

    [Fact]
    public async Task UpdatedEntryWithRecomputedHashes_IsFoundAtThatEntry()
    {
        await using var log = await SignedLog.CreateAsync();
        var original = await new AuditReader(log.Db.AppDataSource).GetAsync(7, CancellationToken.None);
        var forged = AuditEntryEncoding.Encode(original!.Entry with { Outcome = AuditOutcome.Denied });

        // A careful attacker rewrites the bytes, the chain link and the staged copy, consistently.
        await log.SqlAsync(
            "UPDATE audit_entries SET outcome = 'denied', canonical = $1, entry_hash = $2 WHERE sequence = 7; ",
            forged, AuditEntryEncoding.ComputeEntryHash(original.PreviousHash, forged));
        await log.SqlAsync("UPDATE audit_staged s SET outcome = 'denied', canonical = e.canonical FROM audit_entries e WHERE e.sequence = 7 AND s.staged_id = e.staged_id");

        await AssertFoundAtAsync(log, 7);
    }

    [Fact]
    public async Task DeletedMiddleEntry_IsFoundAtTheGap()
    {
        await using var log = await SignedLog.CreateAsync();

        await log.SqlAsync("DELETE FROM audit_entries WHERE sequence = 13");

        await AssertFoundAtAsync(log, 13);
    }

    [Fact]
    public async Task TruncatedTail_IsFoundAtTheFirstRemovedEntry()
    {
        await using var log = await SignedLog.CreateAsync();

        await log.SqlAsync("DELETE FROM audit_entries WHERE sequence >= 16");

        await AssertFoundAtAsync(log, 16);
    }

    [Fact]
    public async Task SwappedEntries_AreFoundAtTheFirstOfThem()
    {
        await using var log = await SignedLog.CreateAsync();

        await log.SqlAsync("""
            UPDATE audit_entries SET sequence = 1000 WHERE sequence = 5;
            UPDATE audit_entries SET sequence = 5 WHERE sequence = 6;
            UPDATE audit_entries SET sequence = 6 WHERE sequence = 1000;
            """);

        await AssertFoundAtAsync(log, 5);
    }

    [Fact]
    public async Task ForgedEntryInsertedIntoTheMiddle_IsFoundWhereItWasInserted()
    {
        await using var log = await SignedLog.CreateAsync();
        var seventh = await new AuditReader(log.Db.AppDataSource).GetAsync(7, CancellationToken.None);
        var forged = SampleEntries.Create(999) with { OccurredAt = AuditEntryEncoding.TruncateToMicroseconds(SampleEntries.Time) };
        var canonical = AuditEntryEncoding.Encode(forged);

        // Backdating: later entries move up by one, the forged one takes sequence 8 with a valid chain link.
        await log.SqlAsync("""
            UPDATE audit_entries SET sequence = sequence + 1000 WHERE sequence >= 8;
            UPDATE audit_entries SET sequence = sequence - 999 WHERE sequence >= 1000;
            """);
        await log.SqlAsync("""
            INSERT INTO audit_entries (sequence, request_id, occurred_at, action, outcome, status_code, actor_id, actor_role,
                tenant_id, model_name, model_version, model_digest, rule_ids, input_digest, output_digest, trace_id,
                canonical, entry_hash, previous_hash)
            VALUES (8, $1, $2, $3, 'succeeded', 200, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            """,
            forged.RequestId, forged.OccurredAt, forged.Action, forged.ActorId, forged.ActorRole, forged.TenantId!, forged.ModelName!,
            forged.ModelVersion!, forged.ModelDigest!, forged.RuleIds.ToArray(), forged.InputDigest!, forged.OutputDigest!, forged.TraceId!,
            canonical, AuditEntryEncoding.ComputeEntryHash(seventh!.EntryHash, canonical), seventh.EntryHash);

        await AssertFoundAtAsync(log, 8);
    }

    [Fact]
    public async Task ForgedEntryAppendedAtTheEnd_IsFoundOnline()
    {
        await using var log = await SignedLog.CreateAsync();
        await log.SqlAsync("""
            INSERT INTO audit_entries (sequence, request_id, occurred_at, action, outcome, status_code, actor_id, actor_role,
                canonical, entry_hash, previous_hash)
            SELECT 21, gen_random_uuid(), now(), 'forged', 'succeeded', 200, 'x', 'x', '\x01',
                sha256(entry_hash || '\x01'::bytea), entry_hash
            FROM audit_entries WHERE sequence = 20
            """);

        var online = await log.VerifyOnlineAsync();

        // Offline, an export ends at the latest checkpoint (20), so an unsigned tail is simply not in it.
        Assert.False(online.IsValid);
        Assert.Equal(21, online.FirstBadSequence);
    }

    [Fact]
    public async Task TableRestoredFromAnOlderCopy_IsFoundAfterTheCopysLastEntry()
    {
        await using var log = await SignedLog.CreateAsync();

        await log.SqlAsync("TRUNCATE audit_entries; INSERT INTO audit_entries SELECT * FROM audit_entries_copy");

        await AssertFoundAtAsync(log, 11);
    }

    [Fact]
    public async Task ChangedStoredCheckpoint_IsFound()
    {
        await using var log = await SignedLog.CreateAsync();
        var stored = SignedCheckpoint.ParseNote(await ScalarNoteAsync(log, 10));
        var forgedRoot = System.Security.Cryptography.SHA256.HashData("forged"u8);
        var forged = stored with { Body = stored.Body with { RootHash = forgedRoot } };

        await log.SqlAsync("UPDATE audit_checkpoints SET root_hash = $1, note = $2 WHERE tree_size = 10", forgedRoot, forged.ToNote());

        var online = await log.VerifyOnlineAsync();
        var offline = await log.VerifyOfflineAsync();
        Assert.False(online.IsValid);
        Assert.Equal(10, online.FirstBadSequence);
        Assert.Contains("checkpoint 10", online.Problem, StringComparison.Ordinal);
        // The offline verifier names the checkpoint but no entry: no entry is wrong, the signature is.
        Assert.Equal(ExportVerdict.Failed, offline.Verdict);
        Assert.Contains("size 10", offline.Message, StringComparison.Ordinal);
    }

    private static async Task AssertFoundAtAsync(SignedLog log, long firstBad)
    {
        var online = await log.VerifyOnlineAsync();
        var offline = await log.VerifyOfflineAsync();

        Assert.False(online.IsValid, "online verifier missed it");
        Assert.True(firstBad == online.FirstBadSequence, $"online: {online.FirstBadSequence}: {online.Problem}");
        Assert.True(offline.Verdict == ExportVerdict.Failed, "offline verifier missed it: " + offline.Message);
        Assert.True(firstBad == offline.FirstBadSequence, $"offline: {offline.FirstBadSequence}: {offline.Message}");
    }

    private static async Task<string> ScalarNoteAsync(SignedLog log, long size)
    {
        await using var command = log.Db.AdminDataSource.CreateCommand("SELECT note FROM audit_checkpoints WHERE tree_size = $1");
        command.Parameters.Add(new() { Value = size });
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
