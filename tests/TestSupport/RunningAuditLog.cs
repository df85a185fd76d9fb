using Governance.Audit;
using Governance.Audit.Sequencing;
using Governance.Domain.Auditing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Governance.Testing;

/// <summary>
/// The audit log as a host runs it: composed by <see cref="AuditLogRegistration.AddAuditLog"/>, its
/// hosted services started in registration order and, on dispose, stopped in reverse. Without
/// <c>sequence</c> the sequencer is left unstarted, so entries are written but not integrated (a
/// backlog, as when no process leads).
/// </summary>
public sealed class RunningAuditLog : IAuditLog, IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IHostedService[] _hosted;
    private readonly IAuditLog _log;

    private RunningAuditLog(ServiceProvider services)
    {
        _services = services;
        _hosted = [.. services.GetServices<IHostedService>()];
        _log = services.GetRequiredService<IAuditLog>();
    }

    public static async Task<RunningAuditLog> StartAsync(NpgsqlDataSource dataSource, GroupCommitOptions? options = null, bool sequence = true)
    {
        var services = new ServiceCollection()
            .AddSingleton(dataSource)
            .AddAuditLog(_ => options ?? new GroupCommitOptions())
            .BuildServiceProvider();
        var running = new RunningAuditLog(services);
        foreach (var hosted in running._hosted.Where(h => sequence || h is not AuditSequencer))
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return running;
    }

    public ValueTask<AuditReceipt> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        _log.AppendAsync(entry, cancellationToken);

    public ValueTask<AuditReceipt> WriteAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        _log.WriteAsync(entry, cancellationToken);

    public Task<AuditReceipt> AppendInTransactionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry, CancellationToken cancellationToken) =>
        _log.AppendInTransactionAsync(connection, transaction, entry, cancellationToken);

    public ValueTask<AuditReceipt> WaitForIntegrationAsync(AuditReceipt receipt, CancellationToken cancellationToken) =>
        _log.WaitForIntegrationAsync(receipt, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted.Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
