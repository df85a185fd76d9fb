namespace Governance.Domain.Auditing;

/// <summary>
/// The one table of action names. An audit entry records one of these whether the call was refused
/// before the pipeline (from the endpoint's metadata) or decided inside it (from the request), so a
/// search by action finds both; policies name the same strings in <c>request.action</c>.
/// </summary>
public static class AuditActions
{
    public const string ModelInfer = "model.infer";
    public const string ModelPredict = "model.predict";
    public const string ModelEmbed = "model.embed";
    public const string ModelMetadata = "model.metadata";
    public const string ModelReady = "model.ready";
    public const string ModelRegister = "model.register";
    public const string ModelRetire = "model.retire";
    public const string ModelVersionPolicySet = "model.version_policy";

    public const string TokenClientCredentials = "token.client_credentials";

    public const string TenantCreate = "tenant.create";
    public const string TenantRead = "tenant.read";
    public const string TenantAttributesSet = "tenant.attributes.set";
    public const string LicenseGrant = "license.grant";
    public const string LicenseRevoke = "license.revoke";
    public const string ClientCreate = "client.create";

    public const string PolicyCreate = "policy.create";
    public const string PolicyList = "policy.list";
    public const string PolicyRead = "policy.read";
    public const string PolicySimulate = "policy.simulate";
    public const string PolicyApprove = "policy.approve";
    public const string PolicyActivate = "policy.activate";

    /// <summary>
    /// The recorded variant of <see cref="PolicyActivate"/> for an activation without approval (ADR-013): the
    /// endpoint's action stays <see cref="PolicyActivate"/>, and its policy decision is made on that name.
    /// </summary>
    public const string PolicyActivateEmergency = "policy.activate.emergency";
    public const string PolicyEvaluate = "policy.evaluate";

    /// <summary>The default set written into a fresh database at start-up, by the system rather than a caller.</summary>
    public const string PolicySeed = "policy.seed";

    public const string AuditRead = "audit.read";
    public const string AuditList = "audit.list";
    public const string AuditVerify = "audit.verify";
    public const string AuditDisclose = "audit.disclose";
    public const string AuditCheckpointRead = "audit.checkpoint.read";
    public const string AuditCheckpointPublish = "audit.checkpoint.publish";
    public const string AuditCosignatureAdd = "audit.cosignature.add";
    public const string AuditReceiptProof = "audit.receipt.proof";
    public const string AuditProofInclusion = "audit.proof.inclusion";
    public const string AuditProofConsistency = "audit.proof.consistency";

    public const string PiiAnalyze = "pii.analyze";
    public const string PiiAnonymize = "pii.anonymize";
    public const string PiiDeanonymize = "pii.deanonymize";

    public const string PresidioAnalyze = "presidio.analyze";
    public const string PresidioAnonymize = "presidio.anonymize";
    public const string PresidioDeanonymize = "presidio.deanonymize";
    public const string PresidioCatalog = "presidio.catalog";

    /// <summary>The model calls a policy decides today (<c>request.endpoint</c>'s values).</summary>
    public static readonly IReadOnlyList<string> ModelCalls = [ModelInfer, ModelPredict, ModelEmbed, ModelMetadata, ModelReady];

    /// <summary>Admin commands the Policy behaviour decides: who may change what the platform serves and to whom.</summary>
    public static readonly IReadOnlyList<string> AdminCommands =
    [
        PolicyApprove, PolicyActivate, LicenseGrant, LicenseRevoke, ModelRegister, ModelRetire, TenantCreate, TenantAttributesSet, ClientCreate,
        ModelVersionPolicySet,
    ];

    /// <summary>Every action a policy can be asked about, the values of <c>request.action</c>.</summary>
    public static readonly IReadOnlyList<string> Governed = [.. ModelCalls, .. AdminCommands];
}
