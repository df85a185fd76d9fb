using System.Reflection;
using System.Runtime.CompilerServices;
using Governance.Api.Pipeline;
using Governance.Domain.Auditing;
using Governance.Domain.Policies;
using Governance.Installation.Configuration;
using Governance.Installation.Policies;

namespace Governance.Architecture.Tests;

/// <summary>
/// The rules that hold for every request rather than one feature (ADR-020): action names come from one
/// table, admin commands are exactly the requests the Policy behaviour decides as such, the default
/// policy keeps them to admins, and X-Audit-Sequence is written in one place.
/// </summary>
public sealed class CrossCuttingRulesTests
{
    private static readonly Assembly Api = typeof(AuditScope).Assembly;

    private static readonly HashSet<string> Table = [.. typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    // The requests are records of data; an instance without constructor runs is enough to read their constant names.
    private static IEnumerable<(Type Type, IAuditedRequest Request)> Requests() => Api.GetTypes()
        .Where(t => typeof(IAuditedRequest).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (t, (IAuditedRequest)RuntimeHelpers.GetUninitializedObject(t)));

    [Fact]
    public void EveryRequestsAction_IsInTheActionsTable()
    {
        var requests = Requests().ToArray();
        var outside = requests.Where(r => !Table.Contains(r.Request.AuditAction)).Select(r => $"{r.Type.Name}: {r.Request.AuditAction}");

        Assert.True(requests.Length >= 30, $"only {requests.Length} requests found");
        Assert.Empty(outside);
    }

    [Fact]
    public void AdminCommands_AreExactlyTheRequestsWhoseActionTheTableNamesAnAdminCommand()
    {
        var wrong = Requests()
            .Where(r => (r.Request is IAdminCommand) != AuditActions.AdminCommands.Contains(PolicyActionOf(r.Request)))
            .Select(r => $"{r.Type.Name} ({r.Request.AuditAction}) is {(r.Request is IAdminCommand ? "" : "not ")}an {nameof(IAdminCommand)}");

        Assert.Empty(wrong);
        Assert.All(Requests().Where(r => r.Request is IModelCall), r => Assert.Contains(r.Request.AuditAction, AuditActions.ModelCalls));
        Assert.All(Requests().Where(r => r.Request is IAdminCommand), r => Assert.True(r.Request is ICommand));
    }

    [Fact]
    public void PolicyVocabulary_ActionTakesEveryGovernedActionAndNothingElse()
    {
        Assert.Equal(AuditActions.Governed, PolicyVocabulary.RequestAction.AllowedValues);
        Assert.Equal(AuditActions.ModelCalls, PolicyVocabulary.RequestEndpoint.AllowedValues);
        Assert.DoesNotContain(AuditActions.Governed, a => !Table.Contains(a));
    }

    [Fact]
    public void DefaultPolicy_LetsAdminsAndOnlyAdminsMakeEveryAdminCommand()
    {
        var policy = PolicyLoader.Compile(File.ReadAllText(Path.Combine(LocalPaths.Root, "policies", "default.yaml")), "default");
        foreach (var action in AuditActions.AdminCommands)
        {
            foreach (var role in PolicyVocabulary.PrincipalRole.AllowedValues!)
            {
                var context = new DecisionContext().AtTime(DateTimeOffset.UnixEpoch)
                    .Set(PolicyVocabulary.PrincipalRole, PolicyValue.Of(role)).Set(PolicyVocabulary.RequestAction, PolicyValue.Of(action));
                var decision = policy.Decide(context);

                Assert.True(decision.Allowed == (role == "admin"), $"{role} {action}: {(decision.Allowed ? "allowed" : "denied")}");
                Assert.True(decision.Allowed || decision.DenyingRuleIds.Contains("admin.commands"), $"{role} {action}: denied by {string.Join(", ", decision.DenyingRuleIds)}");
            }
        }
    }

    [Fact]
    public void AuditSequenceHeader_IsWrittenOnlyByItsMiddleware()
    {
        var owner = Path.Combine(LocalPaths.Root, "src", "Api", "Pipeline", $"{nameof(AuditSequenceHeader)}.cs");
        var offenders = Directory.EnumerateFiles(Path.Combine(LocalPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f != owner && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text
                && (text.Contains(AuditSequenceHeader.Name, StringComparison.OrdinalIgnoreCase) || text.Contains($"{nameof(AuditSequenceHeader)}.{nameof(AuditSequenceHeader.Name)}", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(LocalPaths.Root, f));

        Assert.True(File.Exists(owner), owner);
        Assert.Empty(offenders);
    }

    private static string PolicyActionOf(IAuditedRequest request) => request is IAdminCommand command ? command.PolicyAction : request.AuditAction;
}
