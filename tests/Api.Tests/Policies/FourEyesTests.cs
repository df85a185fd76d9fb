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
    public static TheoryData<string> AliceSpelledOtherwise => new() { "ALICE", "alice ", " alice", "al\u200Bice", "ali\u00ADce", "alice\u2060", "a\tlice" };

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
