using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Privacy;

/// <summary>The model sees only anonymized text, and the trail holds nothing derived from the raw text.</summary>
[Collection(ApiCollection.Name)]
public sealed class GovernedTextCallTests(ApiFactory api)
{
    private const string Raw = "My card 4111 1111 1111 1111 was charged twice, mail me at jane.roe@example.com";
    private const string Anonymized = "My card <CREDIT_CARD> was charged twice, mail me at <EMAIL_ADDRESS>";

    [Fact]
    public async Task Predict_WithPii_ListsWhatWasAnonymizedAndAuditsTheDigestOfTheAnonymizedText()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = Raw });

        var body = await response.ReadJsonAsync();
        var anonymized = body.GetProperty("anonymized").EnumerateArray()
            .ToDictionary(a => a.GetProperty("entity_type").GetString()!, a => a.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["CREDIT_CARD"] = 1, ["EMAIL_ADDRESS"] = 1 }, anonymized);
        Assert.DoesNotContain("jane", body.GetRawText(), StringComparison.Ordinal);
        var sequence = body.GetProperty("audit").GetProperty("sequence").GetInt64();
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND action = 'model.predict' " +
            $"AND input_digest = '{Sha256(Anonymized)}'"));
        Assert.NotEqual(Sha256(Raw), Sha256(Anonymized));
        Assert.Equal(0, await api.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE input_digest = '{Sha256(Raw)}'"));
    }

    [Fact]
    public async Task Predict_WithoutPii_ReportsNothingAnonymized()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "please refund the double charge" });

        var body = await response.ReadJsonAsync();
        Assert.Empty(body.GetProperty("anonymized").EnumerateArray());
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
