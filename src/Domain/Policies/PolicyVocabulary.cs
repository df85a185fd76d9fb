using Governance.Domain.Auditing;

namespace Governance.Domain.Policies;

/// <summary>The type of a context attribute, checked against every literal at validation time.</summary>
public enum AttributeType
{
    String,
    Number,
    Boolean,
    StringSet,
    Date,
}

/// <summary>
/// One attribute a condition may read. <see cref="Slot"/> is its index in a
/// <see cref="DecisionContext"/>, so compiled conditions read it without a lookup.
/// </summary>
public sealed record AttributeDefinition(string Path, int Slot, AttributeType Type, string Description)
{
    /// <summary>When set, the only values the attribute can take; a literal outside them can never match.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }
}

/// <summary>
/// The typed vocabulary of conditions: principal, tenant, model (with its license terms), request
/// (its action among them), consent and time. Fixed in code so a policy that names anything else is refused, Cedar-style.
/// </summary>
public static class PolicyVocabulary
{
    public const string Granted = "granted";

    public static readonly IReadOnlyList<string> ConsentStates = [Granted, "none", "withdrawn", "expired"];

    public static readonly IReadOnlyList<string> Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static readonly IReadOnlyList<string> Endpoints = AuditActions.ModelCalls;

    public static readonly AttributeDefinition PrincipalId = new("principal.id", 0, AttributeType.String, "the caller's subject (token 'sub')");
    public static readonly AttributeDefinition PrincipalRole = new("principal.role", 1, AttributeType.String, "admin, compliance or tenant") { AllowedValues = ["admin", "compliance", "tenant"] };
    public static readonly AttributeDefinition PrincipalTenant = new("principal.tenant", 2, AttributeType.String, "the tenant the caller's token is scoped to");
    public static readonly AttributeDefinition PrincipalClientId = new("principal.client_id", 3, AttributeType.String, "the OAuth client that obtained the token");
    public static readonly AttributeDefinition TenantId = new("tenant.id", 4, AttributeType.String, "the tenant the call is made for");
    public static readonly AttributeDefinition TenantRegion = new("tenant.region", 5, AttributeType.String, "the tenant's region attribute (e.g. eu, us)");
    public static readonly AttributeDefinition TenantTier = new("tenant.tier", 6, AttributeType.String, "the tenant's tier attribute (e.g. standard, premium)");
    public static readonly AttributeDefinition TenantLicensed = new("tenant.licensed", 7, AttributeType.Boolean, "the tenant holds a license grant for the called model");
    public static readonly AttributeDefinition ModelName = new("model.name", 8, AttributeType.String, "the called model's name");
    public static readonly AttributeDefinition ModelVersion = new("model.version", 9, AttributeType.String, "the called model version (when the call names one)");
    public static readonly AttributeDefinition ModelTags = new("model.tags", 10, AttributeType.StringSet, "the tags of the model's manifest");
    public static readonly AttributeDefinition ModelDataCategories = new("model.data_categories", 11, AttributeType.StringSet, "the data categories the model processes");
    public static readonly AttributeDefinition ModelLicenseId = new("model.license.id", 12, AttributeType.String, "the identifier of the model's license terms");
    public static readonly AttributeDefinition ModelLicenseCommercial = new("model.license.commercial", 13, AttributeType.Boolean, "the license terms allow commercial use");
    public static readonly AttributeDefinition ModelLicensePurposes = new("model.license.purposes", 14, AttributeType.StringSet, "the purposes the license terms permit");
    public static readonly AttributeDefinition RequestEndpoint = new("request.endpoint", 15, AttributeType.String, "the governed action") { AllowedValues = Endpoints };
    public static readonly AttributeDefinition RequestPurpose = new("request.purpose", 16, AttributeType.String, "the purpose the caller declares (X-Purpose header)");
    public static readonly AttributeDefinition RequestDataSubject = new("request.data_subject_present", 17, AttributeType.Boolean, "the call names a data subject (X-Data-Subject header)");
    public static readonly AttributeDefinition RequestInputSize = new("request.input_size", 18, AttributeType.Number, "the input's size (characters of text, elements of tensors)") { Min = 0 };
    public static readonly AttributeDefinition ConsentState = new("consent.state", 19, AttributeType.String, "consent of the data subject for the request's purpose") { AllowedValues = ConsentStates };
    public static readonly AttributeDefinition TimeHour = new("time.hour", 20, AttributeType.Number, "hour of the day, UTC (0-23)") { Min = 0, Max = 23 };
    public static readonly AttributeDefinition TimeWeekday = new("time.weekday", 21, AttributeType.String, "day of the week, UTC (monday..sunday)") { AllowedValues = Weekdays };
    public static readonly AttributeDefinition TimeDate = new("time.date", 22, AttributeType.Date, "the date, UTC (YYYY-MM-DD)");

    /// <summary>Set on every decision, model call or admin command; <see cref="RequestEndpoint"/> stays the model-call-only name.</summary>
    public static readonly AttributeDefinition RequestAction = new("request.action", 23, AttributeType.String, "the action decided (AuditActions: model calls and admin commands)") { AllowedValues = AuditActions.Governed };

    public static readonly IReadOnlyList<AttributeDefinition> All =
    [
        PrincipalId, PrincipalRole, PrincipalTenant, PrincipalClientId, TenantId, TenantRegion, TenantTier, TenantLicensed,
        ModelName, ModelVersion, ModelTags, ModelDataCategories, ModelLicenseId, ModelLicenseCommercial, ModelLicensePurposes,
        RequestEndpoint, RequestPurpose, RequestDataSubject, RequestInputSize, ConsentState, TimeHour, TimeWeekday, TimeDate, RequestAction,
    ];

    private static readonly Dictionary<string, AttributeDefinition> ByPath = All.ToDictionary(a => a.Path, StringComparer.Ordinal);

    public static int Count => All.Count;

    public static AttributeDefinition? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>The closest known attribute, for "did you mean" in an unknown-attribute error.</summary>
    public static string? Suggest(string path)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var attribute in All)
        {
            var d = Distance(path, attribute.Path);
            if (d < bestDistance)
            {
                (best, bestDistance) = (attribute.Path, d);
            }
        }

        return bestDistance <= 3 ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
