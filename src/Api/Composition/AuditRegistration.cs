using Governance.Api.Configuration;
using Governance.Audit;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Publishing;
using Governance.Audit.Verification;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.Composition;

/// <summary>The audit trail's services: the hosted log (sequencer, tracker, group commit), checkpoints, anchor, proofs, verifier.</summary>
public static class AuditRegistration
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddAuditLog(sp => new GroupCommitOptions { IntegrationTimeout = TimeSpan.FromSeconds(Math.Max(1, Audit(sp).IntegrationTimeoutSeconds)) });
        services.AddSingleton<AuditReader>();
        services.AddSingleton<ProofReader>();
        services.AddSingleton<CheckpointStore>();
        services.AddSingleton<CosignatureStore>();
        services.AddSingleton(sp => AuditSigningKey.LoadOrCreate(Audit(sp).SigningKeyFile, Audit(sp).Origin));
        services.AddSingleton(sp => new AuditKeys(
            sp.GetRequiredService<CheckpointSigner>().Verifier,
            AuditSigningKey.Retired(Audit(sp).RetiredKeyFiles, Audit(sp).Origin),
            AuditSigningKey.Witnesses(Audit(sp).WitnessKeys)));
        services.AddSingleton<IExternalAnchor>(sp => new DirectoryAnchor(Audit(sp).AnchorDirectory));
        services.AddSingleton(sp => new CheckpointPublisher(
            sp.GetRequiredService<CheckpointStore>(), sp.GetRequiredService<CheckpointSigner>(), sp.GetRequiredService<IExternalAnchor>(),
            sp.GetRequiredService<TimeProvider>(), Audit(sp).Origin));
        services.AddSingleton(sp => new LogVerifier(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<AuditKeys>().Trusted, sp.GetRequiredService<IExternalAnchor>()));
        services.AddHostedService<CheckpointService>();
        return services;
    }

    public static void Validate(AuditOptions audit, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(audit.SigningKeyFile) || string.IsNullOrWhiteSpace(audit.AnchorDirectory))
        {
            failures.Add("Governance:Audit:SigningKeyFile and Governance:Audit:AnchorDirectory are required.");
        }

        if (string.IsNullOrWhiteSpace(audit.Origin) || audit.Origin.Contains('\n', StringComparison.Ordinal))
        {
            failures.Add("Governance:Audit:Origin must be one non-empty line.");
        }
    }

    private static AuditOptions Audit(IServiceProvider sp) => sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.Audit;
}
