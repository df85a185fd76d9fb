using System.Reflection;
using System.Runtime.CompilerServices;

namespace Governance.Architecture.Tests;

/// <summary>
/// A type's namespace starts with its assembly's name (RootNamespace is the project name, issue 10), so
/// a reader finds a type's project from its namespace, and no Governance.Governance.* can come back.
/// </summary>
public sealed class NamespaceTests
{
    public static TheoryData<string> ProductAssemblies() =>
    [
        "Governance.Domain", "Governance.Inference", "Governance.Audit.Offline", "Governance.Audit",
        "Governance.Migrations", "Governance.Installation", "Governance.Api",
    ];

    [Theory]
    [MemberData(nameof(ProductAssemblies))]
    public void EveryTypeWeWrote_LivesUnderItsAssemblysName(string assemblyName)
    {
        var misplaced = Ours(Assembly.Load(new AssemblyName(assemblyName)))
            .Where(t => t.Namespace != assemblyName && !t.Namespace!.StartsWith(assemblyName + ".", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(misplaced);
    }

    [Fact]
    public void TheCli_WhoseAssemblyIsNamedForItsCommand_LivesUnderGovernanceCli()
    {
        var misplaced = Ours(Assembly.Load(new AssemblyName("governance")))
            .Where(t => !t.Namespace!.StartsWith("Governance.Cli", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(misplaced);
    }

    // Not the compiler's or a source generator's (System.*, Microsoft.*), nor top-level statements' Program.
    private static IEnumerable<Type> Ours(Assembly assembly) => assembly.GetTypes().Where(t =>
        t.Namespace is not null
        && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        && !t.Namespace.StartsWith("System", StringComparison.Ordinal)
        && !t.Namespace.StartsWith("Microsoft", StringComparison.Ordinal));
}
