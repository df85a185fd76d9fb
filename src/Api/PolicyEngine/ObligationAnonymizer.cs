using Governance.Api.Anonymization;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Installation.Privacy;

namespace Governance.Api.PolicyEngine;

/// <summary>
/// Applies the decision's anonymize obligation to a model's input through the privacy engine. When no
/// rule said anything, the per-model configuration (Governance:Privacy:Models) decides, as before.
/// Tensor calls apply the obligation's operator to every entity type (stricter than a subset).
/// </summary>
public sealed class ObligationAnonymizer(
    PolicyDecisionScope decisions, PiiEngine engine, TenantKeyring keyring, ModelInputAnonymizer byModel, TensorAnonymizer tensorsByModel)
{
    public AnonymizedInput Apply(string modelName, string tenantId, string text)
    {
        if (OperatorsOf(out var entities) is not { } operators)
        {
            return byModel.Apply(modelName, tenantId, text);
        }

        var result = engine.Anonymize(text, operators, keyring.For(tenantId), entities);
        return new AnonymizedInput(result.Text, ModelInputAnonymizer.CountByType(result.Items));
    }

    public TensorAnonymization Begin(string modelName, string tenantId) =>
        OperatorsOf(out _) is { } operators
            ? new TensorAnonymization(engine, operators, keyring.For(tenantId))
            : tensorsByModel.Begin(modelName, tenantId);

    private OperatorSet? OperatorsOf(out IReadOnlyCollection<string>? entities)
    {
        var obligations = decisions.Obligations;
        entities = obligations.AnonymizeEntities.Count > 0 ? [.. obligations.AnonymizeEntities] : null;
        return obligations.AnonymizeOperator is { } name && OperatorNames.TryParse(name, out var type)
            ? OperatorSet.All(new OperatorSpec(type))
            : null;
    }
}
