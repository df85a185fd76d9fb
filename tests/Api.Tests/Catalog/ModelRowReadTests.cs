using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using static Governance.Api.Tests.Catalog.CatalogCalls;

namespace Governance.Api.Tests.Catalog;

/// <summary>
/// A governed call decides from the catalog snapshot (ADR-015): the model row is read when the
/// catalog loads, never again per call. Counted on Npgsql's own command tracing, for this
/// fixture's database only (other collections run beside it).
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class ModelRowReadTests(ApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => EnsurePolicyAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GovernedCalls_SendNoCommandThatReadsTheModelRow()
    {
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(tenant)).Status);
        using var commands = new CommandRecorder(api.Database.Name);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PredictAsync(tenant)).Status);
        }

        // The recorder does see this database's commands (the calls' audit entries), so an empty answer is not why.
        Assert.Contains(commands.Texts, sql => sql.Contains("audit_", StringComparison.Ordinal));
        Assert.DoesNotContain(commands.Texts, sql => sql.Contains("model_versions", StringComparison.Ordinal));
    }

    /// <summary>The text of every command Npgsql traces against one database while it is alive.</summary>
    private sealed class CommandRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<string> _texts = new();

        public CommandRecorder(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    var tags = activity.TagObjects.Select(t => t.Value?.ToString() ?? "").ToList();
                    if (tags.Contains(database))
                    {
                        _texts.Enqueue(activity.DisplayName + "\n" + string.Join("\n", tags));
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyCollection<string> Texts => [.. _texts];

        public void Dispose() => _listener.Dispose();
    }
}
