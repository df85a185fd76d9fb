using System.Security.Cryptography;
using System.Text;
using Governance.Api.Catalog;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Policies;
using Governance.Installation.Privacy;
using V = Governance.Domain.Policies.PolicyVocabulary;

namespace Governance.Api.PolicyEngine;

/// <summary>
/// Gathers a governed call's context: the principal; the tenant, its region and tier, and whether it holds a license for the
/// model; the model's tags, data categories and license terms from its registered manifest; the
/// request (endpoint, declared purpose, data subject present, body size); consent per purpose the
/// policy asks about; the time. All from the request's catalog snapshot, no database read (ADR-015); never a payload value.
/// </summary>
public sealed class DecisionContextBuilder(IHttpContextAccessor http, IConsentLookup consents, TenantKeyring keyring, TimeProvider time)
{
    public const string PurposeHeader = "X-Purpose";
    public const string DataSubjectHeader = "X-Data-Subject";

    public async Task<(DecisionContext Context, string? DataSubjectRef)> BuildAsync(
        IModelCall call, CurrentPrincipal principal, CompiledPolicySet policy, CatalogSnapshot catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(catalog);
        var context = new DecisionContext().AtTime(time.GetUtcNow());
        var tenant = principal.IsTenant ? principal.TenantId : null;
        context.Set(V.PrincipalId, PolicyValue.Of(principal.Id)).Set(V.PrincipalRole, PolicyValue.Of(principal.Role))
            .Set(V.PrincipalTenant, PolicyValue.Of(principal.TenantId)).Set(V.PrincipalClientId, PolicyValue.Of(principal.ClientId))
            .Set(V.TenantId, PolicyValue.Of(tenant)).Set(V.ModelName, PolicyValue.Of(call.ModelName)).Set(V.ModelVersion, PolicyValue.Of(call.ModelVersion))
            .Set(V.RequestEndpoint, PolicyValue.Of(call.AuditAction)).Set(V.RequestAction, PolicyValue.Of(call.AuditAction));
        var request = http.HttpContext?.Request;
        var purpose = request?.Headers[PurposeHeader].ToString() is { Length: > 0 and <= 100 } p ? p : null;
        var subject = request?.Headers[DataSubjectHeader].ToString() is { Length: > 0 and <= 200 } s ? s : null;
        context.Set(V.RequestPurpose, PolicyValue.Of(purpose)).Set(V.RequestDataSubject, PolicyValue.Of(subject is not null));
        if (request?.ContentLength is { } length)
        {
            context.Set(V.RequestInputSize, PolicyValue.Of(length));
        }

        AddCatalog(context, catalog, call, tenant);
        string? subjectRef = null;
        if (subject is not null && tenant is not null)
        {
            // A keyed pseudonym: the same person gives the same reference within a tenant, and nothing readable.
            subjectRef = Convert.ToHexStringLower(HMACSHA256.HashData(keyring.For(tenant).HmacKey, Encoding.UTF8.GetBytes("data-subject:" + subject)));
            foreach (var wanted in PurposesOf(policy, purpose))
            {
                context.WithConsent(wanted, await consents.StateAsync(tenant, subjectRef, wanted, ct));
            }
        }

        context.Set(V.ConsentState, PolicyValue.Of(context.ConsentFor(purpose)));
        return (context, subjectRef);
    }

    /// <summary>
    /// An admin command's context: who asks, the action and the time. Not the tenant or model it changes: rules
    /// written for calls (tenant.region, model.name) must not start deciding who may administer that tenant.
    /// </summary>
    public DecisionContext BuildForCommand(IAdminCommand command, CurrentPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(principal);
        var context = new DecisionContext().AtTime(time.GetUtcNow());
        context.Set(V.PrincipalId, PolicyValue.Of(principal.Id)).Set(V.PrincipalRole, PolicyValue.Of(principal.Role))
            .Set(V.PrincipalTenant, PolicyValue.Of(principal.TenantId)).Set(V.PrincipalClientId, PolicyValue.Of(principal.ClientId))
            .Set(V.RequestAction, PolicyValue.Of(command.PolicyAction));
        return context;
    }

    private static List<string> PurposesOf(CompiledPolicySet policy, string? requestPurpose)
    {
        var purposes = new List<string>();
        if (requestPurpose is not null)
        {
            purposes.Add(requestPurpose);
        }

        foreach (var rule in policy.Rules)
        {
            if (rule.Obligations?.RequireConsent is { Length: > 0 } named && !purposes.Contains(named, StringComparer.Ordinal))
            {
                purposes.Add(named);
            }
        }

        return purposes;
    }

    private static void AddCatalog(DecisionContext context, CatalogSnapshot catalog, IModelCall call, string? tenant)
    {
        context.Set(V.TenantLicensed, PolicyValue.Of(catalog.IsLicensed(tenant, call.ModelName)));
        AddTenantFacts(context, catalog, tenant);
        catalog.Find(call.ModelName, call.ModelVersion)?.Facts.ApplyTo(context);
    }

    private static void AddTenantFacts(DecisionContext context, CatalogSnapshot catalog, string? tenant)
    {
        // A tenant that declared no region or tier leaves the attribute missing (only `exists: false` matches).
        if (catalog.Tenant(tenant) is { } facts)
        {
            if (facts.Region is not null)
            {
                context.Set(V.TenantRegion, PolicyValue.Of(facts.Region));
            }

            if (facts.Tier is not null)
            {
                context.Set(V.TenantTier, PolicyValue.Of(facts.Tier));
            }
        }
    }
}
