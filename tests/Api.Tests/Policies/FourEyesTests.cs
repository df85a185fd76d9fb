using System.Net;
using System.Net.Http.Json;
using Governance.Api.Security;
using Governance.Api.Tests.Infrastructure;
using Npgsql;

namespace Governance.Api.Tests.Policies;

/// <summary>Four eyes compares people, not bytes, and an emergency does not make one admin two (issue 11).</summary>
[Collection(PolicyCollection.Name)]
public sealed class FourEyesTests(ApiFactory api)
{
    public static TheoryData<string> AliceSpelledOtherwise => new()
    {
        "ALICE", "alice ", " alice", "al\u200Bice", "ali\u00ADce", "alice\u2060", "a\tlice",
        // Full-width and look-alike spellings: under InvariantGlobalization these reached the trigger (503).
        "\uFF41\uFF4C\uFF49\uFF43\uFF45", "\uFF21LICE", "\u0430lice", "al\u0456c\u0435",
    };

    // NFKC folds these (small Roman numeral one, modifier small a), the handler's folding does not: only
    // the trigger sees the author, and the caller must still get the 403.
    public static TheoryData<string> AliceOnlyNfkcSees => new() { "al\u2170ce", "\u1D43lice" };

    [Theory]
    [MemberData(nameof(AliceSpelledOtherwise))]
    public async Task Approve_ByTheAuthorSpelledOtherwise_Returns403SelfApproval(string spelling)
    {
        using var alice = api.Admin("alice");
        using var disguised = api.Admin(spelling);
        var version = await alice.CreateDraftAsync(PolicyApi.DefaultYaml);

        using var response = await disguised.PostAsync($"/api/v1/policies/{version}/approve", null);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-self-approval");
        Assert.Equal(0, await api.ScalarAsync($"SELECT count(*) FROM policy_approvals WHERE version = {version}"));
    }

    [Theory]
    [MemberData(nameof(AliceOnlyNfkcSees))]
    public async Task Approve_ByTheAuthorSpelledSoOnlyTheTriggerSeesIt_Returns403AndAuditsTheRefusal(string spelling)
    {
        Assert.False(SubjectIdentity.Same("alice", spelling), "this spelling must get past the handler to test the trigger's path");
        using var alice = api.Admin("alice");
        using var disguised = api.Admin(spelling);
        var version = await alice.CreateDraftAsync(PolicyApi.DefaultYaml);
        var lastRecord = await api.ScalarAsync("SELECT coalesce(max(id), 0) FROM audit_records");

        using var response = await disguised.PostAsync($"/api/v1/policies/{version}/approve", null);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-self-approval");
        Assert.Equal(0, await api.ScalarAsync($"SELECT count(*) FROM policy_approvals WHERE version = {version}"));
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_records WHERE id > {lastRecord} AND action = 'policy.approve' AND status_code = 403 AND error_code = 'policy-self-approval'"));
    }

    [Theory]
    [InlineData("\uFF41\uFF4C\uFF49\uFF43\uFF45")]
    [InlineData("al\u2170ce")]
    public async Task EmergencyActivation_ByTheAuthorSpelledWithCompatibilityForms_Returns403AndActivatesNothing(string spelling)
    {
        using var alice = api.Admin("alice");
        using var author = api.Admin(spelling);
        var version = await alice.CreateDraftAsync(PolicyApi.DefaultYaml);

        using var response = await author.PostAsJsonAsync($"/api/v1/policies/{version}/activate", new { emergency = true, reason = "incident" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-self-approval");
        Assert.Equal(0, await api.ScalarAsync($"SELECT count(*) FROM policy_activations WHERE version = {version}"));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("Alice ")]
    public async Task EmergencyActivation_ByTheAuthorOfAnUnapprovedDraft_Returns403AndActivatesNothing(string spelling)
    {
        using var alice = api.Admin("alice");
        using var author = api.Admin(spelling);
        var version = await alice.CreateDraftAsync(PolicyApi.DefaultYaml);

        using var response = await author.PostAsJsonAsync($"/api/v1/policies/{version}/activate", new { emergency = true, reason = "incident" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-self-approval");
        Assert.Equal(0, await api.ScalarAsync($"SELECT count(*) FROM policy_activations WHERE version = {version}"));
    }

    [Fact]
    public async Task Database_RefusesAnApprovalOrEmergencyActivationByTheAuthorSpelledOtherwise_WhateverTheApplicationDoes()
    {
        using var alice = api.Admin("alice");
        var version = await alice.CreateDraftAsync(PolicyApi.DefaultYaml);
        await using var connection = new NpgsqlConnection(api.Database.AppConnectionString);
        await connection.OpenAsync();

        var approval = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection,
            $"INSERT INTO policy_approvals (version, approved_by, approved_at) VALUES ({version}, 'ALI\u200BCE ', now())"));
        var activation = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection,
            $"INSERT INTO policy_activations (version, activated_at, activated_by, emergency, reason) VALUES ({version}, now(), ' Alice', true, 'x')"));

        Assert.Contains("author", approval.MessageText, StringComparison.Ordinal);
        Assert.Contains("author", activation.MessageText, StringComparison.Ordinal);
        await ExecuteAsync(connection, $"INSERT INTO policy_approvals (version, approved_by, approved_at) VALUES ({version}, 'bob', now())");
    }

    [Fact]
    public void SubjectIdentity_KeepsDistinctPeopleDistinct()
    {
        Assert.False(SubjectIdentity.Same("alice", "bob"));
        Assert.False(SubjectIdentity.Same("client:a1", "client:a2"));
        Assert.True(SubjectIdentity.Same("CLI:ADMIN", "cli:admin"));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
