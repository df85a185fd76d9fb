using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using static Governance.Api.Tests.Presidio.PresidioHttp;

namespace Governance.Api.Tests.Presidio;

/// <summary>What the Presidio surface adds to Presidio's contract: refusals by name, our auth and audit, our normalization.</summary>
[Collection(ApiCollection.Name)]
public sealed class PresidioSurfaceTests(ApiFactory api)
{
    [Theory]
    [InlineData("/presidio/analyze", """{"text": "x", "language": "en", "nlp_artifacts": {}}""", "nlp_artifacts")]
    [InlineData("/presidio/anonymize", """{"text": "x", "conflict_resolution": "merge"}""", "conflict_resolution")]
    [InlineData("/presidio/anonymize", """{"text": "abc", "anonymizers": {"DEFAULT": {"type": "mask", "masking_char": "*", "chars_to_mask": 1, "unmask": 2}}}""", "unmask")]
    [InlineData("/presidio/deanonymize", """{"key": "1111111111111111"}""", "key")]
    public async Task UnsupportedField_Returns400NamingIt(string path, string request, string field)
    {
        var (status, body) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), path, request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"'{field}'", ErrorOf(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_EmptyText_Returns200WithNothingFound()
    {
        var (status, body) = await PostAsync(api.ClientAs(Roles.Compliance), "/presidio/analyze", """{"text": "", "language": "en"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetArrayLength());
    }

    [Fact]
    public async Task Analyze_WithoutAToken_Returns401()
    {
        var (status, _) = await PostAsync(api.CreateClient(), "/presidio/analyze", """{"text": "x", "language": "en"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Analyze_AndItsRefusal_AreBothAudited()
    {
        var before = await api.ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'presidio.analyze'");

        var (ok, _) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), "/presidio/analyze", """{"text": "call 212-555-0100", "language": "en"}""");
        var (refused, _) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), "/presidio/analyze", """{"text": "x", "language": "fr"}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest), (ok, refused));
        Assert.Equal(before + 2, await api.ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'presidio.analyze'"));
    }

    [Fact]
    public async Task Analyze_CardWithZeroWidthSpaceAndFullWidthDigits_IsFoundThroughTheCompatibleSurface()
    {
        const string Card = "4111\u200B1111 １１１１ 1111";
        var (status, body) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), "/presidio/analyze",
            $$"""{"text": "card {{Card}} ok", "language": "en", "entities": ["CREDIT_CARD"]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(body.EnumerateArray());
        Assert.Equal((5, 5 + Card.Length), (card.GetProperty("start").GetInt32(), card.GetProperty("end").GetInt32()));
    }

    [Fact]
    public async Task Catalogs_ListWhatThisSurfaceSupports()
    {
        using var client = api.ClientAs(Roles.Admin);

        var (entitiesStatus, entities) = await GetAsync(client, "/presidio/supportedentities?language=en");
        var (_, unknownParameter) = await GetAsync(client, "/presidio/supportedentities?uknown=input");
        var (hebrew, _) = await GetAsync(client, "/presidio/supportedentities?language=he");
        var (_, anonymizers) = await GetAsync(client, "/presidio/anonymizers");
        var (_, deanonymizers) = await GetAsync(client, "/presidio/deanonymizers");
        var (_, recognizers) = await GetAsync(client, "/presidio/recognizers?language=en");

        Assert.Equal(HttpStatusCode.OK, entitiesStatus);
        var types = entities.EnumerateArray().Select(e => e.GetString()).ToHashSet();
        foreach (var presidio in new[] { "PHONE_NUMBER", "US_DRIVER_LICENSE", "US_PASSPORT", "CREDIT_CARD", "CRYPTO", "UK_NHS", "US_SSN",
            "US_BANK_NUMBER", "EMAIL_ADDRESS", "DATE_TIME", "IP_ADDRESS", "PERSON", "IBAN_CODE", "US_ITIN", "MEDICAL_LICENSE", "URL" })
        {
            Assert.Contains(presidio, types);
        }

        Assert.Equal(entities.GetArrayLength(), unknownParameter.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, hebrew);
        Assert.Equal(["hash", "mask", "redact", "replace", "encrypt", "keep"], anonymizers.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["decrypt"], deanonymizers.EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("UsLicenseRecognizer", recognizers.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Health_AnswersWithoutAToken()
    {
        using var response = await api.CreateClient().GetAsync("/presidio/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Anonymize_WithoutAnalyzerResults_AnalyzesAndReplacesWhatItFinds()
    {
        var (status, body) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), "/presidio/anonymize", """{"text": "mail jane.roe@example.com now"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("mail <EMAIL_ADDRESS> now", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Anonymize_HashWithSha512AndSalt_IsStableAndHidesTheValue()
    {
        const string Request = """
            {"text": "id 12345", "anonymizers": {"DEFAULT": {"type": "hash", "hash_type": "sha512", "salt": "0123456789abcdef"}},
             "analyzer_results": [{"start": 3, "end": 8, "score": 1, "entity_type": "ID"}]}
            """;
        var (_, first) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), "/presidio/anonymize", Request);
        var (_, second) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), "/presidio/anonymize", Request);

        var text = first.GetProperty("text").GetString()!;
        Assert.Equal(text, second.GetProperty("text").GetString());
        Assert.Equal(3 + 128, text.Length);
        Assert.DoesNotContain("12345", text, StringComparison.Ordinal);
    }
}
