using System.Reflection;
using Governance.Api.Persistence;
using Governance.Audit;
using Governance.Audit.Sequencing;
using Governance.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Governance.Architecture.Tests;

/// <summary>
/// ADR-011's database rule and ADR-021's hosting rule: no static data access in the API, the
/// whole schema in its own assembly, and the audit log's loops run as hosted services.
/// </summary>
public sealed class DatabaseRuleTests
{
    private static readonly Assembly Api = typeof(GovernanceDbContext).Assembly;
    private static readonly Assembly Audit = typeof(IAuditLog).Assembly;
    private static readonly Assembly Migrations = typeof(Migrator).Assembly;
    private static readonly Type[] DataAccess = [typeof(NpgsqlConnection), typeof(NpgsqlTransaction), typeof(DbContext)];

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Api_HasNoStaticClassThatTakesAConnectionOrADbContext()
    {
        var offenders = Api.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetMethods(Everything).Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.GetParameters().Any(p => DataAccess.Any(d => d.IsAssignableFrom(p.ParameterType))))
            .Select(x => $"{x.Type.FullName}.{x.Method.Name}")
            .Distinct()
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Schema_LivesInTheMigrationsAssembly_WhichReferencesNoOtherGovernanceAssembly()
    {
        Assert.Contains(Migrations.GetManifestResourceNames(), n => n.StartsWith("migrations/", StringComparison.Ordinal));
        Assert.DoesNotContain(Audit.GetManifestResourceNames(), n => n.StartsWith("migrations/", StringComparison.Ordinal));
        Assert.DoesNotContain(Audit.GetTypes(), t => t.Name.StartsWith("Migrat", StringComparison.Ordinal));
        Assert.DoesNotContain(Migrations.GetReferencedAssemblies(), a => a.Name!.StartsWith("Governance.", StringComparison.Ordinal));
    }

    [Fact]
    public void AuditLogLoops_AreHostedServices()
    {
        var tracker = Audit.GetType("Governance.Audit.Sequencing.IntegrationTracker", throwOnError: true)!;

        Assert.True(typeof(BackgroundService).IsAssignableFrom(typeof(AuditSequencer)));
        Assert.True(typeof(BackgroundService).IsAssignableFrom(tracker));
        Assert.True(typeof(IHostedService).IsAssignableFrom(typeof(GroupCommitAuditLog)));
    }
}
