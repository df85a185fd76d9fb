using System.Reflection;

namespace Governance.Architecture.Tests;

/// <summary>Dependencies point inward to Domain (DESIGN.md); these fail the build's tests if they stop doing so.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Governance.Domain.Models.ModelManifest).Assembly;
    private static readonly Assembly Inference = typeof(Governance.Inference.Runtime.LoadedModel).Assembly;
    private static readonly Assembly Audit = typeof(Governance.Audit.IAuditLog).Assembly;
    private static readonly Assembly Api = typeof(Governance.Api.Pipeline.AuditScope).Assembly;

    private static string[] ReferencesOf(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void Domain_ReferencesNothingButTheRuntime()
    {
        var foreign = ReferencesOf(Domain).Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard").ToArray();

        Assert.Empty(foreign);
    }

    [Fact]
    public void Inference_DoesNotReferenceApiOrAudit()
    {
        var references = ReferencesOf(Inference);

        Assert.DoesNotContain(Api.GetName().Name, references);
        Assert.DoesNotContain(Audit.GetName().Name, references);
        Assert.Contains(Domain.GetName().Name, references);
    }

    [Fact]
    public void Audit_DoesNotReferenceApiOrInference()
    {
        var references = ReferencesOf(Audit);

        Assert.DoesNotContain(Api.GetName().Name, references);
        Assert.DoesNotContain(Inference.GetName().Name, references);
    }

    [Fact]
    public void Domain_HasNoFrameworkOrIoTypesInItsPublicSurface()
    {
        var forbidden = new[] { "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "System.IO", "System.Net" };
        var offenders = Domain.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m switch
            {
                PropertyInfo p => [p.PropertyType],
                MethodInfo mi => mi.GetParameters().Select(p => p.ParameterType).Append(mi.ReturnType),
                FieldInfo f => [f.FieldType],
                _ => Array.Empty<Type>(),
            })
            .Where(t => forbidden.Any(f => t.Namespace?.StartsWith(f, StringComparison.Ordinal) == true))
            .Select(t => t.FullName)
            .Distinct()
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Handlers_AreSealed()
    {
        var unsealed = Api.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Handler", StringComparison.Ordinal) && !t.IsSealed)
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(unsealed);
    }
}
