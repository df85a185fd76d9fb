using Governance.Api.Catalog;
using Governance.Api.Errors;
using Governance.Api.Observability;
using Governance.Api.PolicyEngine;
using Governance.Api.Security;
using Governance.Domain.Policies;
using MediatR;

namespace Governance.Api.Pipeline;

/// <summary>
/// The governance decision for calls that use a model and for admin commands: builds the decision context,
/// evaluates the active compiled policy set, records the decision (policy version, matched rule ids,
/// canonical decision JSON, data-subject reference) on the audit scope, then denies with 403 naming the
/// rules or hands the obligations to the handler. No active policy: 503 (fail closed).
/// </summary>
public sealed class PolicyBehaviour<TRequest, TResponse>(
    ActivePolicy active,
    CatalogView catalog,
    DecisionContextBuilder contexts,
    PolicyDecisionScope decisions,
    AuditScope scope,
    CurrentPrincipal principal,
    IHttpContextAccessor http,
    GovernanceTelemetry telemetry) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    /// <summary>The default set's licensing rule (policies/default.yaml).</summary>
    public const string LicenseRequired = "license.required";

    public const string VersionHeader = "X-Policy-Version";
    public const string ObligationsHeader = "X-Policy-Obligations";

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        switch (request)
        {
            case IModelCall call:
                using (telemetry.Time(StageNames.Policy, telemetry.Labels(call.ModelName, call.ModelVersion)))
                {
                    await DecideAsync(call, cancellationToken);
                }

                break;
            case IAdminCommand command:
                await DecideAsync(command, cancellationToken);
                break;
        }

        return await next();
    }

    private async Task DecideAsync(IModelCall call, CancellationToken ct)
    {
        var (snapshot, policy) = await SnapshotAsync(ct);
        if (principal.IsTenant)
        {
            scope.TenantId = principal.TenantId;
        }

        var (context, subject) = await contexts.BuildAsync(call, principal, policy, snapshot, ct);
        var decision = Record(policy, context);
        scope.DataSubject = subject;
        if (!decision.Allowed && IsUnseenModelOnOpenInference(decision))
        {
            // docs/models.md: to a tenant on /v2 (and OpenAI's /v1), a model it holds no license for and one
            // that does not exist are the same "not found" (same body), as protocol clients expect; the trail keeps the rule.
            throw new NotFoundException($"Model '{call.ModelName}' is not found.");
        }

        Enforce(policy, decision);
    }

    private async Task DecideAsync(IAdminCommand command, CancellationToken ct)
    {
        var (_, policy) = await SnapshotAsync(ct);
        var context = contexts.BuildForCommand(command, principal);
        Enforce(policy, Record(policy, context));
    }

    private async Task<(CatalogSnapshot Snapshot, CompiledPolicySet Policy)> SnapshotAsync(CancellationToken ct)
    {
        _ = active.Current
            ?? throw new GovernanceException(StatusCodes.Status503ServiceUnavailable, ErrorCodes.Unavailable, "No policy set is active yet, so no call can be decided. Try again shortly.");
        // A snapshot past its staleness bound reloads the active policy along with the catalog: read the policy after it.
        var snapshot = await catalog.GetAsync(ct);
        return (snapshot, active.Current!);
    }

    private PolicyDecision Record(CompiledPolicySet policy, DecisionContext context)
    {
        var decision = policy.Decide(context);
        scope.PolicyVersion = policy.Version;
        scope.RuleIds.AddRange(decision.MatchedRuleIds);
        scope.Decision = DecisionJson.Write(context, decision);
        if (http.HttpContext?.Response is { HasStarted: false } response)
        {
            response.Headers[VersionHeader] = policy.Version;
            var keys = decision.Obligations.Keys();
            if (keys.Count > 0)
            {
                response.Headers[ObligationsHeader] = string.Join(' ', keys);
            }
        }

        return decision;
    }

    private void Enforce(CompiledPolicySet policy, PolicyDecision decision)
    {
        if (!decision.Allowed)
        {
            var denied = new PolicyDeniedException(decision.DenyingRuleIds, string.Join(" ", decision.Denials.Select(d => d.Message)));
            denied.Extensions["policyVersion"] = policy.Version;
            throw denied;
        }

        decisions.Decision = decision;
    }

    private bool IsUnseenModelOnOpenInference(PolicyDecision decision) =>
        principal.IsTenant
        && decision.DenyingRuleIds is [LicenseRequired]
        && http.HttpContext?.Request.Path is { } path
        && (path.StartsWithSegments("/v2", StringComparison.Ordinal) || path.StartsWithSegments("/v1", StringComparison.Ordinal));
}
