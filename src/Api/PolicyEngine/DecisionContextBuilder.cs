using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Api.Anonymization;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Policies;
using Npgsql;
using V = Governance.Domain.Policies.PolicyVocabulary;

namespace Governance.Api.PolicyEngine;

/// <summary>
/// Gathers a governed call's context: the principal; the tenant, its region and tier, and whether it holds a license for the
/// model; the model's tags, data categories and license terms from its registered manifest; the
/// request (endpoint, declared purpose, data subject present, body size); consent per purpose the
/// policy asks about; the time. One database round trip; never a payload value.
/// </summary>
public sealed class DecisionContextBuilder(NpgsqlDataSource dataSource, IHttpContextAccessor http, IConsentLookup consents, TenantKeyring keyring, TimeProvider time)
{
    public const string PurposeHeader = "X-Purpose";
    public const string DataSubjectHeader = "X-Data-Subject";

    public async Task<(DecisionContext Context, string? DataSubjectRef)> BuildAsync(IModelCall call, CurrentPrincipal principal, CompiledPolicySet policy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(policy);
        var context = new DecisionContext().AtTime(time.GetUtcNow());
        var tenant = principal.IsTenant ? principal.TenantId : null;
        context.Set(V.PrincipalId, PolicyValue.Of(principal.Id)).Set(V.PrincipalRole, PolicyValue.Of(principal.Role))
            .Set(V.PrincipalTenant, PolicyValue.Of(principal.TenantId)).Set(V.PrincipalClientId, PolicyValue.Of(principal.ClientId))
            .Set(V.TenantId, PolicyValue.Of(tenant)).Set(V.ModelName, PolicyValue.Of(call.ModelName)).Set(V.ModelVersion, PolicyValue.Of(call.ModelVersion))
            .Set(V.RequestEndpoint, PolicyValue.Of(call.AuditAction));
        var request = http.HttpContext?.Request;
        var purpose = request?.Headers[PurposeHeader].ToString() is { Length: > 0 and <= 100 } p ? p : null;
        var subject = request?.Headers[DataSubjectHeader].ToString() is { Length: > 0 and <= 200 } s ? s : null;
        context.Set(V.RequestPurpose, PolicyValue.Of(purpose)).Set(V.RequestDataSubject, PolicyValue.Of(subject is not null));
        if (request?.ContentLength is { } length)
        {
            context.Set(V.RequestInputSize, PolicyValue.Of(length));
        }

        await AddCatalogAsync(context, call, tenant, ct);
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

    private async Task AddCatalogAsync(DecisionContext context, IModelCall call, string? tenant, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT manifest::text FROM model_versions WHERE name = $1 AND ($2::text IS NULL OR version = $2) ORDER BY registered_at DESC LIMIT 1),
                   EXISTS (SELECT 1 FROM license_grants WHERE tenant_id = $3 AND model_name = $1),
                   t.region, t.tier
            FROM (SELECT 1) AS one LEFT JOIN tenants t ON t.id = $3
            """);
        command.Parameters.Add(new() { Value = call.ModelName });
        command.Parameters.Add(new() { Value = (object?)call.ModelVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)tenant ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        context.Set(V.TenantLicensed, PolicyValue.Of(tenant is not null && reader.GetBoolean(1)));
        // A tenant that declared no region or tier leaves the attribute missing (only `exists: false` matches).
        if (!reader.IsDBNull(2))
        {
            context.Set(V.TenantRegion, PolicyValue.Of(reader.GetString(2)));
        }

        if (!reader.IsDBNull(3))
        {
            context.Set(V.TenantTier, PolicyValue.Of(reader.GetString(3)));
        }
        if (!reader.IsDBNull(0))
        {
            AddManifest(context, reader.GetString(0));
        }
    }

    /// <summary>Tags always; data categories and license terms when the manifest declares them.</summary>
    private static void AddManifest(DecisionContext context, string manifestJson)
    {
        using var manifest = JsonDocument.Parse(manifestJson);
        var root = manifest.RootElement;
        context.Set(V.ModelTags, PolicyValue.Of(Strings(root, "tags") ?? []));
        context.Set(V.ModelDataCategories, PolicyValue.Of(Strings(root, "dataCategories") ?? []));
        if (root.TryGetProperty("license", out var license) && license.ValueKind == JsonValueKind.Object)
        {
            if (license.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                context.Set(V.ModelLicenseId, PolicyValue.Of(id.GetString()));
            }

            if (license.TryGetProperty("commercial", out var commercial) && commercial.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                context.Set(V.ModelLicenseCommercial, PolicyValue.Of(commercial.GetBoolean()));
            }

            context.Set(V.ModelLicensePurposes, PolicyValue.Of(Strings(license, "purposes")));
        }
    }

    private static string[]? Strings(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : null;
}
