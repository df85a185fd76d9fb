using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Installation.Security;
using Governance.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Governance.Api.Tests.Hosting;

/// <summary>
/// The API started on an empty database migrates it before any hosted service reads the schema:
/// the audit sequencer, a hosted service registered after the migrations, never meets a missing
/// table (42P01), and the first audited command gets its receipt.
/// </summary>
public sealed class FreshDatabaseStartTests
{
    [Fact]
    public async Task FreshDatabase_MigratesBeforeTheSequencerStarts_AndNoMissingTableIsLogged()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var scratch = Directory.CreateTempSubdirectory("governance-fresh-start-").FullName;
        var logs = new RecordingLoggerProvider();
        try
        {
            await using (var api = new FreshApi(db, scratch, logs))
            {
                using var admin = api.CreateClient();
                var token = api.Services.GetRequiredService<TokenIssuer>().Issue("test:admin", Roles.Admin, tenantId: null, clientId: null);
                admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

                using var created = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = "fresh", name = "Fresh Tenant" });

                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            Assert.Equal(1L, await ScalarAsync(db, "SELECT count(*) FROM audit_entries WHERE action = 'tenant.create'"));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        Assert.Contains(logs.Entries, e => e.Category.EndsWith("AuditSequencer", StringComparison.Ordinal) && e.EventId == 2003);
        Assert.DoesNotContain(logs.Entries, e => e.Exception is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable });
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("42P01", StringComparison.Ordinal));
    }

    private static async Task<long> ScalarAsync(TestDatabase db, string sql)
    {
        await using var command = db.AdminDataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class FreshApi(TestDatabase db, string scratch, ILoggerProvider logs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Governance:Database:AppConnectionString", db.AppConnectionString);
            builder.UseSetting("Governance:Database:OwnerConnectionString", db.OwnerConnectionString);
            builder.UseSetting("Governance:Database:MigrateOnStart", "true");
            builder.UseSetting("Governance:Auth:SigningKeyFile", Path.Combine(scratch, "signing-key.pem"));
            builder.UseSetting("Governance:Models:StorePath", Path.Combine(scratch, "models"));
            builder.UseSetting("Governance:Privacy:MasterKeyFile", Path.Combine(scratch, "privacy-master.key"));
            builder.UseSetting("Governance:Audit:SigningKeyFile", Path.Combine(scratch, "audit-signing-key.pem"));
            builder.UseSetting("Governance:Audit:AnchorDirectory", Path.Combine(scratch, "audit-anchor"));
            builder.UseSetting("Governance:Models:ExecutionProvider", "Cpu");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }

    private sealed record LogEntry(string Category, int EventId, string Message, Exception? Exception);

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public IEnumerable<LogEntry> Entries => _entries;

        public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, _entries);

        public void Dispose()
        {
            // The entries outlive the host: the test reads them after it stopped.
        }

        private sealed class RecordingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, eventId.Id, formatter(state, exception), exception));
        }
    }
}
