using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using static Governance.Api.Tests.Presidio.PresidioHttp;

namespace Governance.Api.Tests.Presidio;

/// <summary>Presidio's e2e-tests/tests/test_api_analyzer.py, case for case (inputs and expected answers are theirs).</summary>
[Collection(ApiCollection.Name)]
public sealed class PresidioAnalyzerE2eTests(ApiFactory api)
{
    private const string Full = """
        [
            {"entity_type": "PERSON", "start": 0, "end": 10, "score": 0.85, "analysis_explanation": null},
            {"entity_type": "US_DRIVER_LICENSE", "start": 30, "end": 38, "score": 0.6499999999999999, "analysis_explanation": null}
        ]
        """;

    private const string LicenseRegex =
        @"\b([A-Z][0-9]{3,6}|[A-Z][0-9]{5,9}|[A-Z][0-9]{6,8}|[A-Z][0-9]{4,8}|[A-Z][0-9]{9,11}|[A-Z]{1,2}[0-9]{5,6}|H[0-9]{8}|V[0-9]{6}|X[0-9]{8}|A-Z]{2}[0-9]{2,5}|[A-Z]{2}[0-9]{3,7}|[0-9]{2}[A-Z]{3}[0-9]{5,6}|[A-Z][0-9]{13,14}|[A-Z][0-9]{18}|[A-Z][0-9]{6}R|[A-Z][0-9]{9}|[A-Z][0-9]{1,12}|[0-9]{9}[A-Z]|[A-Z]{2}[0-9]{6}[A-Z]|[0-9]{8}[A-Z]{2}|[0-9]{3}[A-Z]{2}[0-9]{4}|[A-Z][0-9][A-Z][0-9][A-Z]|[0-9]{7,8}[A-Z])\b";

    private Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> AnalyzeAsync(string body)
    {
        var client = api.ClientAs(Roles.Tenant, "acme");
        return PostAsync(client, "/presidio/analyze", body);
    }

    [Fact]
    public async Task Analyze_PersonAndLicense_ReturnsPresidiosFullResponse()
    {
        var (status, body) = await AnalyzeAsync("""{"text": "John Smith drivers license is AC432223", "language": "en"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual(Full, body);
    }

    [Fact]
    public async Task Analyze_WithThreshold_ReturnsOnlyResultsAboveIt()
    {
        var (status, body) = await AnalyzeAsync("""{"text": "John Smith drivers license is AC432223", "language": "en", "score_threshold": 0.7}""");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual("""[{"entity_type": "PERSON", "start": 0, "end": 10, "score": 0.85, "analysis_explanation": null}]""", body);
    }

    [Theory]
    [InlineData("{}", "No text provided")]
    [InlineData("""{"language": "en"}""", "No text provided")]
    [InlineData("""{"text": "John Smith drivers license is AC432223"}""", "No language provided")]
    public async Task Analyze_WithoutTextOrLanguage_Returns400WithPresidiosError(string request, string error)
    {
        var (status, body) = await AnalyzeAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, ErrorOf(body));
    }

    [Fact]
    public async Task Analyze_WithAnUnsupportedLanguage_Returns400()
    {
        var (status, body) = await AnalyzeAsync("""{"text": "John Smith drivers license is AC432223", "language": "zz"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("No matching recognizers were found to serve the request", ErrorOf(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"text": "John Smith drivers license is AC432223", "language": "en", "correlation_id": "123"}""")]
    [InlineData("""{"text": "John Smith drivers license is AC432223", "language": "en", "trace": "1"}""")]
    [InlineData("""{"text": "John Smith drivers license is AC432223", "language": "en", "trace": "somedata"}""")]
    [InlineData("""{"text": "John Smith drivers license is AC432223", "language": "en", "return_decision_process": 0}""")]
    public async Task Analyze_WithCorrelationIdTraceOrNoDecisionProcess_ReturnsTheNormalResponse(string request)
    {
        var (status, body) = await AnalyzeAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual(Full, body);
    }

    [Fact]
    public async Task Analyze_WithDecisionProcess_ExplainsTheLicenseScoreAsPresidioDoes()
    {
        var (status, body) = await AnalyzeAsync("""{"text": "John Smith license is AC432223", "language": "en", "return_decision_process": true}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var license = body.EnumerateArray().Single(r => r.GetProperty("entity_type").GetString() == "US_DRIVER_LICENSE");
        AssertJsonEqual($$$"""
            {"entity_type": "US_DRIVER_LICENSE", "start": 22, "end": 30, "score": 0.6499999999999999,
             "analysis_explanation": {
                "recognizer": "UsLicenseRecognizer", "pattern_name": "Driver License - Alphanumeric (weak)",
                "pattern": {{{System.Text.Json.JsonSerializer.Serialize(LicenseRegex)}}},
                "original_score": 0.3, "score": 0.6499999999999999, "textual_explanation": null,
                "score_context_improvement": 0.3499999999999999, "supportive_context_word": "license", "validation_result": null}}
            """, license);
        var person = body.EnumerateArray().Single(r => r.GetProperty("entity_type").GetString() == "PERSON");
        Assert.Equal((0, 10, 0.85), (person.GetProperty("start").GetInt32(), person.GetProperty("end").GetInt32(), person.GetProperty("score").GetDouble()));
        Assert.Equal("", person.GetProperty("analysis_explanation").GetProperty("supportive_context_word").GetString());
    }

    [Fact]
    public async Task Analyze_WithRequestContext_RaisesTheLicenseAndNamesTheContextWord()
    {
        var (status, body) = await AnalyzeAsync(
            """{"text": "John Smith D.L. is AC432223", "language": "en", "return_decision_process": true, "context": ["Driver license"]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var license = body.EnumerateArray().Single(r => r.GetProperty("entity_type").GetString() == "US_DRIVER_LICENSE");
        Assert.Equal((19, 27, 0.6499999999999999), (license.GetProperty("start").GetInt32(), license.GetProperty("end").GetInt32(), license.GetProperty("score").GetDouble()));
        Assert.Equal("driver", license.GetProperty("analysis_explanation").GetProperty("supportive_context_word").GetString());
        Assert.Equal(0.3, license.GetProperty("analysis_explanation").GetProperty("original_score").GetDouble());
    }

    [Fact]
    public async Task Analyze_WithEntities_ReturnsOnlyThose()
    {
        var (status, body) = await AnalyzeAsync("""{"text": "John Smith drivers license is AC432223", "language": "en", "entities": ["PERSON"]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual("""[{"entity_type": "PERSON", "start": 0, "end": 10, "score": 0.85, "analysis_explanation": null}]""", body);
    }

    [Fact]
    public async Task Analyze_WithAdHocPatternRecognizer_ReturnsItsWeakMatch()
    {
        var (status, body) = await AnalyzeAsync(AdHocZip(""));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual(Full.Replace("]", """, {"entity_type": "ZIP", "start": 50, "end": 55, "score": 0.01, "analysis_explanation": null}]""",
            StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task Analyze_WithAdHocContext_LiftsTheScoreToPresidiosFloor()
    {
        var (status, body) = await AnalyzeAsync(AdHocZip("""
            "context": ["zip", "code"],
            """));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual(Full.Replace("]", """, {"entity_type": "ZIP", "start": 50, "end": 55, "score": 0.4, "analysis_explanation": null}]""",
            StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task Analyze_WithMalformedAdHocPattern_Returns400NamingTheField()
    {
        var (status, body) = await AnalyzeAsync("""
            {"text": "John Smith drivers license is AC432223. Zip code: 10023", "language": "en",
             "ad_hoc_recognizers": [{"name": "Zip code Recognizer", "supported_language": "en",
                "patterns": [{"type": "zip code (weak)", "bebex": "(\\b\\d{5}(?:\\-\\d{4})?\\b)", "confidence": 0.01}],
                "supported_entity": "ZIP"}]}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'type'", ErrorOf(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_WithAdHocDenyLists_ReturnsTheTitleAndTheNameWithoutItsPossessive()
    {
        var (status, body) = await AnalyzeAsync("""
            {"text": "Mr. John Smith's drivers license is AC432223", "language": "en",
             "ad_hoc_recognizers": [
                {"name": "Mr. Recognizer", "supported_language": "en", "deny_list": ["Mr.", "Mister"], "supported_entity": "MR_TITLE"},
                {"name": "Ms. Recognizer", "supported_language": "en", "deny_list": ["Ms.", "Miss", "Mrs."], "supported_entity": "MS_TITLE"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual("""
            [{"entity_type": "PERSON", "start": 4, "end": 14, "score": 0.85, "analysis_explanation": null},
             {"entity_type": "US_DRIVER_LICENSE", "start": 36, "end": 44, "score": 0.6499999999999999, "analysis_explanation": null},
             {"entity_type": "MR_TITLE", "start": 0, "end": 3, "score": 1.0, "analysis_explanation": null}]
            """, body);
    }

    [Theory]
    [InlineData("""{"text": "email: admin@github.com", "language": "en", "allow_list": ["admin@github.com"]}""", 0)]
    [InlineData("""{"text": "email: admin@github.com", "language": "en", "allow_list": [".*@github.com"], "allow_list_match": "regex"}""", 0)]
    [InlineData("""{"text": "email: admin@github.com", "language": "en", "allow_list": [".*@github.com"]}""", 1)]
    [InlineData("""{"text": "email: admin@GitHub.com", "language": "en", "allow_list": [".*@github.com"], "allow_list_match": "regex", "regex_flags": 0}""", 1)]
    public async Task Analyze_WithAllowList_DropsOnlyWhatItMatches(string request, int emails)
    {
        var (status, body) = await AnalyzeAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        var found = body.EnumerateArray().Where(r => r.GetProperty("entity_type").GetString() == "EMAIL_ADDRESS").ToArray();
        Assert.Equal(emails, found.Length);
        Assert.All(found, r => Assert.Equal((7, 23), (r.GetProperty("start").GetInt32(), r.GetProperty("end").GetInt32())));
    }

    [Fact]
    public async Task Analyze_WithATextList_ReturnsOneListPerText()
    {
        var (status, body) = await AnalyzeAsync("""
            {"text": ["John Smith drivers license is AC432223", "John Smith drivers license is AC432223"], "language": "en"}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetArrayLength());
        AssertJsonEqual(Full, body[0]);
        AssertJsonEqual(Full, body[1]);
    }

    private static string AdHocZip(string context) => $$"""
        {"text": "John Smith drivers license is AC432223. Zip code: 10023", "language": "en",
         "ad_hoc_recognizers": [{"name": "Zip code Recognizer", "supported_language": "en",
            "patterns": [{"name": "zip code (weak)", "regex": "(\\b\\d{5}(?:\\-\\d{4})?\\b)", "score": 0.01}],
            {{context}}
            "supported_entity": "ZIP"}]}
        """;
}
