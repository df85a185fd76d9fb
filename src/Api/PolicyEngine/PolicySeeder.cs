using Governance.Api.Persistence;
using Governance.Audit;
using Governance.Domain.Auditing;
using Governance.Installation.Configuration;
using Governance.Installation.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.PolicyEngine;

/// <summary>
/// Seeds an empty policy table with the default set (version 1, activated by "system:seed") and its
/// audit entry, in one transaction. Several processes may start at once: an advisory lock and the
/// emptiness check inside it make exactly one of them seed.
/// </summary>
public sealed class PolicySeeder(IServiceScopeFactory scopes, IAuditLog auditLog, IOptions<PolicyOptions> options, TimeProvider time)
{
    public const string SeedActor = "system:seed";
    public const string EmbeddedName = "Governance.Policies.default.yaml";
    private const long SeedLock = 0x676F765F706F6C02;

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var versions = scope.ServiceProvider.GetRequiredService<IPolicyVersions>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLock})", ct);
        if (await versions.AnyAsync(ct))
        {
            return;
        }

        var (source, origin) = ReadSeed();
        var document = PolicyLoader.Load(source);
        if (!document.IsValid)
        {
            throw new InvalidOperationException($"The seed policy {origin} does not validate: {string.Join("; ", document.Errors)}");
        }

        var now = time.GetUtcNow();
        var version = await versions.InsertVersionAsync(document.Document!.Name, source, document.Document.Rules.Count, now, SeedActor, ct);
        await versions.ActivateAsync(version, SeedActor, now, emergency: false, $"seeded from {origin}", ct);
        var entry = new AuditEntry(Guid.CreateVersion7(now), now, AuditActions.PolicySeed, AuditOutcome.Succeeded, 200, SeedActor, "system",
            null, null, null, null, null, [], PolicyLoader.Digest(source), null, null)
        { PolicyVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        // As the audit behaviour does for a command: the entry commits with the seed or not at all.
        await auditLog.AppendInTransactionAsync(
            (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction(), entry, ct);
        await transaction.CommitAsync(ct);
    }

    private (string Source, string Origin) ReadSeed()
    {
        var file = options.Value.SeedFile;
        if (string.IsNullOrWhiteSpace(file))
        {
            var checkout = Path.Combine(LocalPaths.Root, "policies", "default.yaml");
            file = File.Exists(checkout) ? checkout : null;
        }

        if (file is not null)
        {
            return (File.ReadAllText(file), file);
        }

        using var stream = typeof(PolicySeeder).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException("The built-in default policy is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), "the built-in policies/default.yaml");
    }
}
