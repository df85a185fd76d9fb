using System.Reflection;
using Governance.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Governance.Architecture.Tests;

/// <summary>
/// An endpoint maps HTTP to a MediatR request and nothing else (STYLE.md), so every read and change
/// goes through the pipeline and leaves an audit entry. Endpoint lambdas compile to methods of
/// types nested in the *Endpoints classes; none of them may take or hold a DbContext.
/// </summary>
public sealed class EndpointRulesTests
{
    private static readonly Assembly Api = typeof(GovernanceDbContext).Assembly;

    private static IEnumerable<Type> WithNested(Type type) => type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested).Prepend(type);

    [Fact]
    public void Endpoints_NeverTakeOrHoldADbContext()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var endpointTypes = Api.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Governance.Api.Features", StringComparison.Ordinal) == true && t.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            .SelectMany(WithNested)
            .ToArray();
        var offenders = endpointTypes
            .SelectMany(t => t.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => (Where: $"{t.FullName}.{m.Name}", p.ParameterType)))
                .Concat(t.GetFields(all).Select(f => (Where: $"{t.FullName}.{f.Name}", f.FieldType))))
            .Where(x => typeof(DbContext).IsAssignableFrom(x.Item2))
            .Select(x => x.Where)
            .ToArray();

        Assert.NotEmpty(endpointTypes);
        Assert.Empty(offenders);
    }
}
