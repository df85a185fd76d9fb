using Governance.Audit.Sequencing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Governance.Audit;

/// <summary>
/// The audit log's three hosted parts over the registered <see cref="NpgsqlDataSource"/>: the
/// sequencer, the integration tracker and the group-commit writer. Hosted services start in the
/// order they are registered and stop in reverse, so whatever the caller registered before (the
/// migrations) has run before the sequencer first reads the log, and on shutdown the writer drains
/// its queue while the sequencer and tracker still run to hand out the receipts.
/// </summary>
public static class AuditLogRegistration
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services, Func<IServiceProvider, GroupCommitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<GroupCommitOptions>(options);
        services.AddSingleton(sp => new AuditSequencer(
            sp.GetRequiredService<NpgsqlDataSource>(), Options(sp).Sequencer, sp.GetService<ILogger<AuditSequencer>>()));
        services.AddSingleton(sp => new IntegrationTracker(
            sp.GetRequiredService<NpgsqlDataSource>(), Options(sp).IntegrationPollInterval, sp.GetRequiredService<AuditSequencer>()));
        services.AddSingleton(sp => new GroupCommitAuditLog(
            sp.GetRequiredService<NpgsqlDataSource>(), Options(sp), sp.GetRequiredService<IntegrationTracker>(),
            sp.GetRequiredService<AuditSequencer>(), sp.GetService<ILogger<GroupCommitAuditLog>>()));
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<GroupCommitAuditLog>());
        services.AddHostedService(sp => sp.GetRequiredService<AuditSequencer>());
        services.AddHostedService(sp => sp.GetRequiredService<IntegrationTracker>());
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitAuditLog>());
        return services;
    }

    private static GroupCommitOptions Options(IServiceProvider sp) => sp.GetRequiredService<GroupCommitOptions>();
}
