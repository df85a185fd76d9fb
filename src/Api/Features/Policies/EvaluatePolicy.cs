using System.Globalization;
using System.Text.Json;
using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Api.PolicyEngine;
using Governance.Domain.Auditing;
using Governance.Domain.Policies;
using Governance.Installation.Policies;
using MediatR;

namespace Governance.Api.Features.Policies;

/// <summary>
/// Decides an explicit context (attribute path → value, consent per purpose) under the active version or
/// a named one, and explains it rule by rule: for debugging a policy, not for deciding calls.
/// </summary>
public sealed record EvaluatePolicy(int? Version, JsonElement Context, IReadOnlyDictionary<string, string>? Consents) : IRequest<EvaluationDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.PolicyEvaluate;
}

public sealed record EvaluationDto(string PolicyVersion, string Effect, IReadOnlyList<string> MatchedRuleIds, IReadOnlyList<Denial> Denials,
    MergedObligations Obligations, IReadOnlyList<string> MergeNotes, IReadOnlyList<RuleExplanation> Rules, string Explanation);

public sealed class EvaluatePolicyHandler(ActivePolicy active, IPolicyVersions versions, AuditScope scope) : IRequestHandler<EvaluatePolicy, EvaluationDto>
{
    public async Task<EvaluationDto> Handle(EvaluatePolicy request, CancellationToken cancellationToken)
    {
        var set = active.Current ?? throw new NotFoundException("No policy version is active.");
        if (request.Version is { } version && version.ToString(CultureInfo.InvariantCulture) != set.Version)
        {
            var row = await versions.GetAsync(version, cancellationToken) ?? throw new NotFoundException($"Policy version {version} does not exist.");
            set = PolicyLoader.Compile(row.Source, version.ToString(CultureInfo.InvariantCulture));
        }

        scope.PolicyVersion = set.Version;
        if (!ContextJson.TryRead(request.Context, request.Consents, out var context, out var errors))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>(errors, StringComparer.Ordinal));
        }

        var explanation = DecisionExplanation.Explain(set, context);
        var d = explanation.Decision;
        return new EvaluationDto(d.PolicyVersion, d.Effect, d.MatchedRuleIds, d.Denials, d.Obligations, d.MergeNotes, explanation.Rules, explanation.ToText());
    }
}
