using Governance.Audit.Offline.Integrity;
using Governance.Audit.Offline.Merkle;
using Governance.Domain.Auditing;
using Governance.Testing;

namespace Governance.Audit.Tests;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task ConcurrentAppends_GetContiguousSequencesInFewerTransactions()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 500)
            .Select(i => Task.Run(() => log.AppendAsync(SampleEntries.Create(i), CancellationToken.None).AsTask())));

        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), receipts.Select(r => r.Sequence).Order());
        var stored = await new AuditReader(db.AppDataSource).ListAsync(new AuditQuery { Limit = 1000 }, CancellationToken.None);
        Assert.Equal(receipts.OrderBy(r => r.Sequence), stored.Select(s => s.Receipt));
        // recorded_at is the writing transaction's time: fewer distinct values than entries means batches formed.
        Assert.True(stored.Select(s => s.RecordedAt).Distinct().Count() < 500);
        var verified = await LogCheck.VerifyAsync(db);
        Assert.True(verified.IsValid, verified.Problem);
    }

    [Fact]
    public async Task TwoWritersOnSeparateDataSources_KeepOneGapFreeLog()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var first = await RunningAuditLog.StartAsync(db.CreateDataSource(db.AppConnectionString), new GroupCommitOptions { MaxBatchSize = 16 });
        await using var second = await RunningAuditLog.StartAsync(db.CreateDataSource(db.AppConnectionString), new GroupCommitOptions { MaxBatchSize = 16 });

        var receipts = await Task.WhenAll(Enumerable.Range(0, 500)
            .Select(i => Task.Run(() => (i % 2 == 0 ? first : second).AppendAsync(SampleEntries.Create(i), CancellationToken.None).AsTask())));

        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), receipts.Select(r => r.Sequence).Order());
        var result = await LogCheck.VerifyAsync(db);
        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(500, result.EntriesChecked);
    }

    [Fact]
    public async Task Receipt_MatchesTheStoredEntryAndItsLeaf()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        var entry = SampleEntries.Create(3);

        var receipt = await log.AppendAsync(entry, CancellationToken.None);

        var stored = await new AuditReader(db.AppDataSource).GetAsync(receipt.Sequence, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(receipt, stored.Receipt);
        Assert.Equal(AuditEntryEncoding.Encode(entry), stored.Canonical);
        Assert.Equal(Convert.ToHexStringLower(MerkleHash.Leaf(AuditEntryEncoding.Encode(entry))), receipt.EntryHash);
    }

    [Fact]
    public async Task ReceiptAtDurability_IsFinal_BeforeAnySequencerRuns()
    {
        await using var db = await TestDatabase.CreateAsync();
        AuditReceipt[] receipts;
        await using (var unsequenced = await RunningAuditLog.StartAsync(db.AppDataSource, sequence: false))
        {
            receipts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => unsequenced.WriteAsync(SampleEntries.Create(i), CancellationToken.None).AsTask()));
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), receipts.Select(r => r.Sequence).Order());
        Assert.Empty(await new AuditReader(db.AppDataSource).ListAsync(new AuditQuery(), CancellationToken.None));

        // Integrated later, by whichever process leads: each at the place its receipt named.
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        foreach (var receipt in receipts)
        {
            await log.WaitForIntegrationAsync(receipt, CancellationToken.None);
            Assert.Equal(receipt, (await new AuditReader(db.AppDataSource).GetAsync(receipt.Sequence, CancellationToken.None))?.Receipt);
        }

        var verified = await LogCheck.VerifyAsync(db);
        Assert.True(verified.IsValid, verified.Problem);
    }

    [Fact]
    public async Task Stop_WritesEverythingQueuedBeforeTheLoopEnds()
    {
        await using var db = await TestDatabase.CreateAsync();
        var log = await RunningAuditLog.StartAsync(db.AppDataSource, new GroupCommitOptions { MaxBatchSize = 8 });
        var writes = Enumerable.Range(0, 200).Select(i => log.WriteAsync(SampleEntries.Create(i), CancellationToken.None).AsTask()).ToArray();

        await log.DisposeAsync();

        var written = await Task.WhenAll(writes);
        Assert.Equal(200, written.Distinct().Count());
        await using var count = db.AdminDataSource.CreateCommand("SELECT count(*) FROM audit_records");
        Assert.Equal(200L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AfterDispose_AppendIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        await log.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.AppendAsync(SampleEntries.Create(), CancellationToken.None).AsTask());
    }
}
