using System.Globalization;
using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Audit;
using Governance.Audit.Offline.Integrity;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Audit;

/// <summary>
/// Compliance search, newest cursor first-in-sequence order. Query values arrive as text and are
/// parsed here, so a bad one is a 400 with the field named. Tenants always see only their own.
/// </summary>
public sealed record ListAuditEntries(
    string? Tenant, string? Actor, string? Model, string? Outcome, string? Action, string? DataSubject,
    string? From, string? To, string? Cursor, string? Limit) : IRequest<AuditEntryPage>, IAuditedRequest
{
    /// <summary>The recorded policy effect: allow or deny.</summary>
    public string? Decision { get; init; }

    /// <summary>A rule id the recorded decision names.</summary>
    public string? Rule { get; init; }

    public string AuditAction => AuditActions.AuditList;
}

public sealed record AuditEntryPage(IReadOnlyList<AuditEntryView> Entries, string? NextCursor);

public sealed class ListAuditEntriesHandler(AuditReader reader, CurrentPrincipal principal, AuditScope scope)
    : IRequestHandler<ListAuditEntries, AuditEntryPage>
{
    public async Task<AuditEntryPage> Handle(ListAuditEntries request, CancellationToken cancellationToken)
    {
        var tenant = request.Tenant;
        if (principal.IsTenant)
        {
            if (tenant is not null && tenant != principal.TenantId)
            {
                throw new GovernanceException(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "A tenant may only list its own audit entries.");
            }

            tenant = principal.TenantId;
        }

        var query = new AuditQuery
        {
            TenantId = tenant,
            AsTenant = principal.IsTenant ? tenant ?? string.Empty : null,
            ActorId = request.Actor,
            ModelName = request.Model,
            Outcome = request.Outcome is null ? null : Parse("outcome", request.Outcome, AuditOutcomeCodes.FromCode),
            Action = request.Action,
            DataSubject = request.DataSubject,
            Effect = request.Decision is null or "allow" or "deny" ? request.Decision : throw Invalid("decision", "must be allow or deny"),
            RuleId = request.Rule is null || (request.Rule.Length is > 0 and <= 200) ? request.Rule : throw Invalid("rule", "must be 1..200 characters"),
            From = request.From is null ? null : Parse("from", request.From, Instant),
            To = request.To is null ? null : Parse("to", request.To, Instant),
            AfterSequence = request.Cursor is null ? 0 : Parse("cursor", request.Cursor, s => long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)),
            Limit = request.Limit is null ? 100 : Parse("limit", request.Limit, s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)),
        };
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
        {
            throw Invalid("limit", $"must be 1..{AuditQuery.MaxLimit}");
        }

        // A search about one person is recorded against that person; so is every other person the page shows.
        scope.DataSubject = request.DataSubject;
        scope.TenantId ??= tenant;
        var rows = await reader.ListAsync(query, cancellationToken);
        foreach (var row in rows)
        {
            if (row.Entry.DataSubject is { } subject && subject != request.DataSubject)
            {
                scope.Disclose(subject);
            }
        }

        var views = rows.Select(AuditEntryView.Of).ToList();
        var next = rows.Count == query.Limit ? rows[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return new AuditEntryPage(views, next);
    }

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static T Parse<T>(string field, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw Invalid(field, "is not valid: " + text);
        }
    }

    private static ValidationFailedException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [field + " " + message] });
}
