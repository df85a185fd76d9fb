using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.Audit;
using Governance.Domain.Auditing;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Audit;

/// <summary>Compliance search: filters, cursor paging, tenant isolation, and reads of personal data on the record.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditSearchTests(ApiFactory api)
{
    [Fact]
    public async Task Tenant_SeesOnlyItsOwnEntries_EvenWithoutAFilter()
    {
        var marker = "search-" + Guid.NewGuid().ToString("N")[..8];
        await AppendAsync(marker, "acme");
        await AppendAsync(marker, "other");
        using var tenant = api.ClientAs(Roles.Tenant, "other");

        var page = await (await tenant.GetAsync(new Uri($"/api/v1/audit/entries?actor={marker}", UriKind.Relative))).ReadJsonAsync();

        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("other", Assert.Single(entries).GetProperty("entry").GetProperty("tenantId").GetString());
    }

    [Fact]
    public async Task Tenant_AskingForAnotherTenant_Gets403()
    {
        using var tenant = api.ClientAs(Roles.Tenant, "other");

        using var response = await tenant.GetAsync(new Uri("/api/v1/audit/entries?tenant=acme", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Compliance_PagesThroughAFilteredListWithTheCursor()
    {
        var marker = "paging-" + Guid.NewGuid().ToString("N")[..8];
        var receipts = new List<AuditReceipt>();
        for (var i = 0; i < 5; i++)
        {
            receipts.Add(await AppendAsync(marker, i % 2 == 0 ? "acme" : "other"));
        }

        using var compliance = api.ClientAs(Roles.Compliance);
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await (await compliance.GetAsync(new Uri(
                $"/api/v1/audit/entries?actor={marker}&limit=2" + (cursor is null ? "" : "&cursor=" + cursor), UriKind.Relative))).ReadJsonAsync();
            seen.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(receipts.Select(r => r.Sequence), seen);
    }

    [Fact]
    public async Task SearchByDataSubject_IsItselfAuditedAgainstThatSubject()
    {
        var subject = "ds-" + Guid.NewGuid().ToString("N");
        var receipt = await AppendAsync("subject-probe", "acme", subject);
        using var compliance = api.ClientAs(Roles.Compliance);

        using var response = await compliance.GetAsync(new Uri($"/api/v1/audit/entries?data_subject={subject}", UriKind.Relative));

        var page = await response.ReadJsonAsync();
        Assert.Equal(receipt.Sequence, Assert.Single(page.GetProperty("entries").EnumerateArray()).GetProperty("sequence").GetInt64());
        Assert.Equal(1, await api.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE action = 'audit.list' AND data_subject = '{subject}' AND actor_role = 'compliance'"));
    }

    [Fact]
    public async Task ReadingAPersonalEntry_IsAuditedWithItsDataSubject()
    {
        var subject = "ds-" + Guid.NewGuid().ToString("N");
        var receipt = await AppendAsync("subject-read", "acme", subject);
        using var compliance = api.ClientAs(Roles.Compliance);

        using var response = await compliance.GetAsync(new Uri($"/api/v1/audit/entries/{receipt.Sequence}", UriKind.Relative));

        await response.ReadJsonAsync();
        Assert.Equal(1, await api.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE action = 'audit.read' AND data_subject = '{subject}'"));
    }

    [Fact]
    public async Task UnfilteredPageShowingPersonalEntries_IsAuditedAgainstEachPersonShown()
    {
        var marker = "disclose-" + Guid.NewGuid().ToString("N")[..8];
        var (first, second) = ("ds-" + Guid.NewGuid().ToString("N"), "ds-" + Guid.NewGuid().ToString("N"));
        await AppendAsync(marker, "acme", first);
        await AppendAsync(marker, "acme", second);
        await AppendAsync(marker, "acme", first);
        using var compliance = api.ClientAs(Roles.Compliance);

        var page = await (await compliance.GetAsync(new Uri($"/api/v1/audit/entries?actor={marker}", UriKind.Relative))).ReadJsonAsync();

        Assert.Equal(3, page.GetProperty("entries").GetArrayLength());
        // A later data-subject request finds who looked: one disclosure per person, not per entry.
        foreach (var subject in new[] { first, second })
        {
            Assert.Equal(1, await api.ScalarAsync(
                $"SELECT count(*) FROM audit_entries WHERE action = 'audit.disclose' AND data_subject = '{subject}' AND actor_role = 'compliance'"));
        }
    }

    [Fact]
    public async Task DecisionAndRule_FilterOnTheRecordedPolicyDecision()
    {
        var marker = "decided-" + Guid.NewGuid().ToString("N")[..8];
        var log = api.Services.GetRequiredService<IAuditLog>();
        var allowed = await log.AppendAsync(Entry(marker, "acme", null) with
        {
            RuleIds = ["license.required"],
            Decision = """{"context":{},"denied_by":[],"effect":"allow","matched":["license.required"],"obligations":{},"policy_version":"1"}""",
        }, CancellationToken.None);
        var denied = await log.AppendAsync(Entry(marker, "acme", null) with
        {
            Outcome = AuditOutcome.Denied,
            StatusCode = 403,
            RuleIds = ["region.eu-only"],
            Decision = """{"context":{},"denied_by":["region.eu-only"],"effect":"deny","matched":["region.eu-only"],"obligations":{},"policy_version":"1"}""",
        }, CancellationToken.None);
        await AppendAsync(marker, "acme");
        using var compliance = api.ClientAs(Roles.Compliance);

        async Task<long[]> SequencesAsync(string query) =>
            [.. (await (await compliance.GetAsync(new Uri($"/api/v1/audit/entries?actor={marker}&{query}", UriKind.Relative))).ReadJsonAsync())
                .GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64())];

        Assert.Equal([denied.Sequence], await SequencesAsync("decision=deny"));
        Assert.Equal([allowed.Sequence], await SequencesAsync("decision=allow"));
        Assert.Equal([denied.Sequence], await SequencesAsync("rule=region.eu-only"));
        Assert.Empty(await SequencesAsync("rule=no.such.rule"));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=abc")]
    [InlineData("cursor=-1")]
    [InlineData("outcome=forgiven")]
    [InlineData("from=yesterday")]
    [InlineData("decision=maybe")]
    [InlineData("rule=")]
    public async Task BadQueryParameter_Returns400ValidationFailed(string query)
    {
        using var compliance = api.ClientAs(Roles.Compliance);

        using var response = await compliance.GetAsync(new Uri("/api/v1/audit/entries?" + query, UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task TimeRangeAndOutcome_Filter()
    {
        var marker = "range-" + Guid.NewGuid().ToString("N")[..8];
        var log = api.Services.GetRequiredService<IAuditLog>();
        var old = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await log.AppendAsync(Entry(marker, "acme", null) with { OccurredAt = old }, CancellationToken.None);
        var recent = await log.AppendAsync(Entry(marker, "acme", null) with { Outcome = AuditOutcome.Denied, StatusCode = 403 }, CancellationToken.None);
        using var compliance = api.ClientAs(Roles.Compliance);

        var page = await (await compliance.GetAsync(new Uri(
            $"/api/v1/audit/entries?actor={marker}&from=2021-01-01T00:00:00Z&outcome=denied", UriKind.Relative))).ReadJsonAsync();

        var found = Assert.Single(page.GetProperty("entries").EnumerateArray());
        Assert.Equal(recent.Sequence, found.GetProperty("sequence").GetInt64());
        // The same code the filter takes, not an enum number.
        Assert.Equal("denied", found.GetProperty("entry").GetProperty("outcome").GetString());
    }

    private async Task<AuditReceipt> AppendAsync(string actor, string tenant, string? subject = null) =>
        await api.Services.GetRequiredService<IAuditLog>().AppendAsync(Entry(actor, tenant, subject), CancellationToken.None);

    private static AuditEntry Entry(string actor, string tenant, string? subject) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, "test.probe", AuditOutcome.Succeeded, 200, actor, "tenant", tenant,
            null, null, null, null, [], null, null, null)
        { DataSubject = subject };
}
