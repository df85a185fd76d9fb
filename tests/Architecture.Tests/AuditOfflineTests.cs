using System.Reflection;

namespace Governance.Architecture.Tests;

/// <summary>
/// The audit log's formats and verification stand alone (ADR-011): an auditor can verify an export with
/// Governance.Audit.Offline and nothing that talks to PostgreSQL. It is a separate assembly so the
/// compiler refuses an Npgsql type there; these tests keep the project file and the namespaces honest.
/// </summary>
public sealed class AuditOfflineTests
{
    private static readonly Assembly Offline = typeof(Governance.Audit.Offline.Merkle.MerkleHash).Assembly;
    private static readonly Assembly Postgres = typeof(Governance.Audit.IAuditLog).Assembly;

    [Fact]
    public void Offline_ReferencesOnlyTheRuntimeAndDomain()
    {
        var foreign = Offline.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n is not "netstandard" and not "Governance.Domain"
                // Ed25519 for signed notes (ADR-023); it is libsodium, no database.
                and not "NSec.Cryptography")
            .ToArray();

        Assert.Empty(foreign);
    }

    [Fact]
    public void Offline_NeverReferencesNpgsql_EvenThroughAnotherAssembly()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<AssemblyName>(Offline.GetReferencedAssemblies());
        while (pending.TryDequeue(out var name))
        {
            if (name.Name!.StartsWith("System", StringComparison.Ordinal) || !seen.Add(name.Name))
            {
                continue;
            }

            Assert.False(name.Name.StartsWith("Npgsql", StringComparison.Ordinal), $"{name.Name} is reachable from Governance.Audit.Offline");
            foreach (var next in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Enqueue(next);
            }
        }

        Assert.Contains("Governance.Domain", seen);
    }

    [Fact]
    public void PostgresSide_DefinesNoTypeInTheOfflineNamespaces()
    {
        var misplaced = Postgres.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Governance.Audit.Offline", StringComparison.Ordinal) == true)
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(misplaced);
    }

    [Fact]
    public void Offline_HoldsTheProofsCheckpointNotesEncodingAndExportVerifier()
    {
        var namespaces = Offline.GetTypes().Select(t => t.Namespace).Distinct().ToHashSet();

        Assert.Contains("Governance.Audit.Offline.Merkle", namespaces);
        Assert.Contains("Governance.Audit.Offline.Checkpoints", namespaces);
        Assert.Contains("Governance.Audit.Offline.Integrity", namespaces);
        Assert.Contains("Governance.Audit.Offline.Export", namespaces);
    }
}
