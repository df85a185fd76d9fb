using Governance.Domain.Privacy;
using Governance.Installation.Privacy;

namespace Governance.Api.Anonymization;

/// <summary>
/// Anonymizes the text (BYTES) tensors of Open Inference Protocol calls with the operator configured
/// for the model, the same configuration as the text endpoint's input. Numeric tensors carry no text
/// and pass through untouched.
/// </summary>
public sealed class TensorAnonymizer(PiiEngine engine, TenantKeyring keyring, ModelInputAnonymizer models)
{
    /// <summary>The response parameter that lists what was anonymized (types and counts, never values).</summary>
    public const string ParameterName = "anonymized";

    /// <summary>One call's anonymization: its request and its response share the count of what was replaced.</summary>
    public TensorAnonymization Begin(string modelName, string tenantId)
    {
        var operators = models.OperatorsFor(modelName);
        return operators is null ? TensorAnonymization.Off : new TensorAnonymization(engine, operators, keyring.For(tenantId));
    }
}
