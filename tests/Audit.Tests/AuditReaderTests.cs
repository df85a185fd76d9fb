using Governance.Audit.Offline.Integrity;
using Governance.Domain.Auditing;
using Governance.Testing;

namespace Governance.Audit.Tests;

public sealed class AuditReaderTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (await new AuditReader(db.AppDataSource).GetAsync(1, CancellationToken.None) is not null)
        {
            return; // seeded by an earlier test of this class
        }

        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        for (var i = 0; i < 6; i++)
        {
            var entry = SampleEntries.Create(i, tenant: i % 2 == 0 ? "acme" : "globex", outcome: i == 5 ? AuditOutcome.Denied : AuditOutcome.Succeeded);
            await log.AppendAsync(entry, CancellationToken.None);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private AuditReader Reader => new(db.AppDataSource);

    [Fact]
    public async Task Get_ReturnsTheEntryAsAppended_OrNull()
    {
        var stored = await Reader.GetAsync(1, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(AuditEntryEncoding.TruncateToMicroseconds(SampleEntries.Time), stored.Entry.OccurredAt);
        Assert.Equal(AuditEntryEncoding.Encode(SampleEntries.Create(0) with { RequestId = stored.Entry.RequestId }), AuditEntryEncoding.Encode(stored.Entry));
        Assert.Null(await Reader.GetAsync(999, CancellationToken.None));
    }

    [Fact]
    public async Task List_FiltersAndPages()
    {
        var globex = await Reader.ListAsync(new AuditQuery { TenantId = "globex" }, CancellationToken.None);
        Assert.Equal([2L, 4, 6], globex.Select(e => e.Sequence));

        var denied = await Reader.ListAsync(new AuditQuery { Outcome = AuditOutcome.Denied }, CancellationToken.None);
        Assert.Equal(6, Assert.Single(denied).Sequence);

        var third = await Reader.GetAsync(3, CancellationToken.None);
        var byRequest = await Reader.ListAsync(new AuditQuery { RequestId = third!.Entry.RequestId }, CancellationToken.None);
        Assert.Equal(3, Assert.Single(byRequest).Sequence);

        var page = await Reader.ListAsync(new AuditQuery { AfterSequence = 2, Limit = 3, Action = "inference.infer" }, CancellationToken.None);
        Assert.Equal([3L, 4, 5], page.Select(e => e.Sequence));
        Assert.Empty(await Reader.ListAsync(new AuditQuery { AfterSequence = 6 }, CancellationToken.None));
        Assert.Empty(await Reader.ListAsync(new AuditQuery { AfterSequence = 600 }, CancellationToken.None));

        Assert.Empty(await Reader.ListAsync(new AuditQuery { Action = "no.such.action" }, CancellationToken.None));
    }
}
