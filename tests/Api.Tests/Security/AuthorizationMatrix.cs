namespace Governance.Api.Tests.Security;

/// <summary>Who may pass an endpoint's door (ASP.NET authorization), before any governance decision.</summary>
internal enum Door
{
    Public,
    AnyRole,
    TenantOnly,
    ComplianceOrAdmin,
    AdminOnly,
}

/// <summary>
/// One row of the expected-access table: the door, a sample request against tenant "acme"'s resources
/// that changes nothing when it is let through (unknown ids, invalid bodies), the status a caller who
/// passes the door gets, and what tenant "other" gets for the same request (null: acme's data is not
/// involved, so the same status as acme). A model the tenant holds no license for is "not found" on /v2,
/// so the catalog cannot be probed.
/// </summary>
internal sealed record MatrixEntry(Door Door, string Path, int Allowed, int? OtherTenant = null, string? Body = null, string ContentType = "application/json");

/// <summary>
/// The expected-access table, keyed by "METHOD /route" exactly as <see cref="EndpointTable"/> names an
/// endpoint. A new endpoint without a row fails AuthorizationMatrixTests, so nobody ships a door unreviewed.
/// </summary>
internal static class AuthorizationMatrix
{
    private const string Infer = """{"inputs":[{"name":"applicant","shape":[1,4],"datatype":"FP32","data":[50,0.3,35,1]}]}""";

    public static readonly IReadOnlyDictionary<string, MatrixEntry> Entries = new Dictionary<string, MatrixEntry>(StringComparer.Ordinal)
    {
        ["GET /v2"] = new(Door.Public, "/v2", 200),
        ["GET /v2/health/live"] = new(Door.Public, "/v2/health/live", 200),
        ["GET /v2/health/ready"] = new(Door.Public, "/v2/health/ready", 200),
        ["GET /presidio/health"] = new(Door.Public, "/presidio/health", 200),
        ["GET /api/v1/audit/keys"] = new(Door.Public, "/api/v1/audit/keys", 200),
        ["GET /.well-known/governance/audit-keys"] = new(Door.Public, "/.well-known/governance/audit-keys", 200),
        ["POST /connect/token"] = new(Door.Public, "/connect/token", 401, Body: "grant_type=client_credentials&client_id=matrix-none&client_secret=wrong", ContentType: "application/x-www-form-urlencoded"),

        ["GET /v2/models/{model}"] = new(Door.AnyRole, "/v2/models/credit-risk", 200, OtherTenant: 404),
        ["GET /v2/models/{model}/ready"] = new(Door.AnyRole, "/v2/models/credit-risk/ready", 200, OtherTenant: 404),
        ["GET /v2/models/{model}/versions/{version}"] = new(Door.AnyRole, "/v2/models/credit-risk/versions/1", 200, OtherTenant: 404),
        ["GET /v2/models/{model}/versions/{version}/ready"] = new(Door.AnyRole, "/v2/models/credit-risk/versions/1/ready", 200, OtherTenant: 404),
        ["GET /api/v1/audit/receipts/{sequence}/proof"] = new(Door.AnyRole, "/api/v1/audit/receipts/999999999/proof", 404),
        ["GET /api/v1/audit/entries"] = new(Door.AnyRole, "/api/v1/audit/entries?tenant=acme&limit=5", 200, OtherTenant: 403),
        ["POST /api/v1/pii/analyze"] = new(Door.AnyRole, "/api/v1/pii/analyze", 200, Body: """{"text":"mail bob@example.com"}"""),
        ["POST /api/v1/pii/anonymize"] = new(Door.AnyRole, "/api/v1/pii/anonymize", 200, OtherTenant: 403, Body: """{"text":"mail bob@example.com","tenant":"acme"}"""),
        ["POST /presidio/analyze"] = new(Door.AnyRole, "/presidio/analyze", 200, Body: """{"text":"mail bob@example.com","language":"en"}"""),
        ["POST /presidio/anonymize"] = new(Door.AnyRole, "/presidio/anonymize", 200, Body: """{"text":"hello","analyzer_results":[]}"""),
        ["POST /presidio/deanonymize"] = new(Door.AnyRole, "/presidio/deanonymize", 200, Body: """{"text":"hello","anonymizer_results":[]}"""),
        ["GET /presidio/supportedentities"] = new(Door.AnyRole, "/presidio/supportedentities", 200),
        ["GET /presidio/recognizers"] = new(Door.AnyRole, "/presidio/recognizers", 200),
        ["GET /presidio/anonymizers"] = new(Door.AnyRole, "/presidio/anonymizers", 200),
        ["GET /presidio/deanonymizers"] = new(Door.AnyRole, "/presidio/deanonymizers", 200),

        ["POST /v2/models/{model}/infer"] = new(Door.TenantOnly, "/v2/models/credit-risk/infer", 200, OtherTenant: 404, Body: Infer),
        ["POST /v2/models/{model}/versions/{version}/infer"] = new(Door.TenantOnly, "/v2/models/credit-risk/versions/1/infer", 200, OtherTenant: 404, Body: Infer),
        ["POST /api/v1/models/{model}/embed"] = new(Door.TenantOnly, "/api/v1/models/support-intent/embed", 400, OtherTenant: 403, Body: """{"input":"my card was charged twice"}"""),
        ["POST /v1/embeddings"] = new(Door.TenantOnly, "/v1/embeddings", 400, OtherTenant: 404, Body: """{"model":"support-intent","input":"my card was charged twice"}"""),
        ["POST /api/v1/models/{model}/predict"] = new(Door.TenantOnly, "/api/v1/models/support-intent/predict", 200, OtherTenant: 403, Body: """{"text":"my card was charged twice"}"""),

        ["GET /api/v1/audit/entries/{sequence}"] = new(Door.ComplianceOrAdmin, "/api/v1/audit/entries/1", 200),
        ["GET /api/v1/audit/checkpoints/latest"] = new(Door.ComplianceOrAdmin, "/api/v1/audit/checkpoints/latest", 200),
        ["POST /api/v1/audit/checkpoints/{size}/cosignatures"] = new(Door.ComplianceOrAdmin, "/api/v1/audit/checkpoints/1/cosignatures", 400, Body: """{"signature":"not a signature line"}"""),
        ["POST /api/v1/audit/checkpoints"] = new(Door.ComplianceOrAdmin, "/api/v1/audit/checkpoints", 201),
        ["GET /api/v1/audit/proofs/inclusion"] = new(Door.ComplianceOrAdmin, "/api/v1/audit/proofs/inclusion?sequence=1&tree_size=2", 200),
        ["GET /api/v1/audit/proofs/consistency"] = new(Door.ComplianceOrAdmin, "/api/v1/audit/proofs/consistency?first=1&second=2", 200),
        ["GET /api/v1/audit/verify"] = new(Door.ComplianceOrAdmin, "/api/v1/audit/verify", 200),
        ["POST /api/v1/deanonymize"] = new(Door.ComplianceOrAdmin, "/api/v1/deanonymize", 200, Body: """{"text":"nothing to reverse","tenant":"acme"}"""),
        ["GET /api/v1/policies"] = new(Door.ComplianceOrAdmin, "/api/v1/policies", 200),
        ["GET /api/v1/policies/active"] = new(Door.ComplianceOrAdmin, "/api/v1/policies/active", 200),
        ["GET /api/v1/policies/{version}"] = new(Door.ComplianceOrAdmin, "/api/v1/policies/999999", 404),
        ["POST /api/v1/policies/evaluate"] = new(Door.ComplianceOrAdmin, "/api/v1/policies/evaluate", 200, Body: "{}"),

        ["POST /api/v1/tenants"] = new(Door.AdminOnly, "/api/v1/tenants", 400, Body: "{}"),
        ["GET /api/v1/tenants/{tenantId}"] = new(Door.AdminOnly, "/api/v1/tenants/acme", 200),
        ["PUT /api/v1/tenants/{tenantId}/attributes"] = new(Door.AdminOnly, "/api/v1/tenants/acme/attributes", 400, Body: """{"tier":"no-such-tier"}"""),
        ["POST /api/v1/tenants/{tenantId}/licenses"] = new(Door.AdminOnly, "/api/v1/tenants/acme/licenses", 400, Body: "{}"),
        ["DELETE /api/v1/tenants/{tenantId}/licenses/{model}"] = new(Door.AdminOnly, "/api/v1/tenants/acme/licenses/matrix-none", 404),
        ["POST /api/v1/tenants/{tenantId}/clients"] = new(Door.AdminOnly, "/api/v1/tenants/acme/clients", 400, Body: "{}"),
        ["POST /api/v1/models"] = new(Door.AdminOnly, "/api/v1/models", 400, Body: "--x--\r\n", ContentType: "multipart/form-data; boundary=x"),
        ["POST /api/v1/models/{model}/versions/{version}/retire"] = new(Door.AdminOnly, "/api/v1/models/matrix-none/versions/1/retire", 404),
        ["PUT /api/v1/models/{model}/version-policy"] = new(Door.AdminOnly, "/api/v1/models/matrix-none/version-policy", 404, Body: """{"latest":1}"""),
        ["POST /api/v1/policies"] = new(Door.AdminOnly, "/api/v1/policies", 400, Body: "rules: [", ContentType: "application/yaml"),
        ["POST /api/v1/policies/{version}/simulate"] = new(Door.AdminOnly, "/api/v1/policies/999999/simulate", 404, Body: "{}"),
        ["POST /api/v1/policies/{version}/approve"] = new(Door.AdminOnly, "/api/v1/policies/999999/approve", 404),
        ["POST /api/v1/policies/{version}/activate"] = new(Door.AdminOnly, "/api/v1/policies/999999/activate", 404, Body: "{}"),
    };
}
