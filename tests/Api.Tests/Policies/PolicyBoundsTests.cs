using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Policies;

namespace Governance.Api.Tests.Policies;

/// <summary>One hostile draft used to overflow the stack and abort the API (issue 11): bounded before parsing.</summary>
[Collection(PolicyCollection.Name)]
public sealed class PolicyBoundsTests(ApiFactory api)
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(30_000)] // the largest flow nesting that fits the tests' 64 KiB body limit
    public async Task Draft_NestedThousandsOfLevels_Returns400PolicyTooDeep_AndTheApiStaysUp(int depth)
    {
        using var alice = api.Admin("alice");
        var before = await api.ScalarAsync("SELECT count(*) FROM policy_versions");

        using var response = await alice.PostAsync("/api/v1/policies", PolicyApi.Yaml("name: x\nrules: " + new string('[', depth) + new string(']', depth)));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "policy-too-deep");
        Assert.Equal(before, await api.ScalarAsync("SELECT count(*) FROM policy_versions"));
        Assert.True(await api.ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'policy.create' AND error_code = 'policy-too-deep' AND status_code = 400") >= 1);
        using var ready = await api.CreateClient().GetAsync("/v2/health/live");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Theory]
    [InlineData("!!binary aGVsbG8=")]
    [InlineData("!!str x")]
    [InlineData("!custom x")]
    public async Task Draft_WithAYamlTag_Returns400NamingTheTag(string value)
    {
        using var alice = api.Admin("alice");

        using var response = await alice.PostAsync("/api/v1/policies", PolicyApi.Yaml($"name: {value}\nrules: []\n"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "policy-invalid");
        Assert.Contains("tags", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_A100000LevelDraft_IsTooDeepNotAStackOverflow()
    {
        foreach (var yaml in new[] { new string('[', 100_000), new string('{', 100_000), string.Concat(Enumerable.Repeat("- ", 100_000)) + "x" })
        {
            var result = PolicyLoader.Load(yaml);

            Assert.Equal("too-deep", Assert.Single(result.Errors).Code);
        }
    }

    [Fact]
    public void Load_MoreThanTheSizeLimit_IsTooLargeBeforeParsing()
    {
        var result = PolicyLoader.Load("name: x\n#" + new string('a', PolicyLoader.MaxSourceLength));

        Assert.Equal("too-large", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Load_ThePlatformsOwnPolicy_NestsWellUnderTheBound() =>
        Assert.True(PolicyLoader.Load(PolicyApi.DefaultYaml).IsValid);
}
