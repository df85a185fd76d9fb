using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using static Governance.Api.Tests.Presidio.PresidioHttp;

namespace Governance.Api.Tests.Presidio;

/// <summary>Presidio's e2e-tests/tests/test_api_anonymizer.py, case for case (inputs and expected answers are theirs).</summary>
[Collection(ApiCollection.Name)]
public sealed class PresidioAnonymizerE2eTests(ApiFactory api)
{
    private const string Overlap = """
        "analyzer_results": [
            { "start": 4, "end": 21, "score": 0.80, "entity_type": "NAME" },
            { "start": 11, "end": 33, "score": 0.80, "entity_type": "LOCATION" }]
        """;

    private Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string body) =>
        PresidioHttp.PostAsync(api.ClientAs(Roles.Tenant, "acme"), path, body);

    [Fact]
    public async Task Anonymize_WithOperatorsAndAnalyzerResults_AppliesThemExactly()
    {
        var (status, body) = await PostAsync("/presidio/anonymize", """
            {"text": "hello world, my name is Jane Doe. My number is: 034453334",
             "anonymizers": {"DEFAULT": { "type": "replace", "new_value": "ANONYMIZED" },
                "PHONE_NUMBER": { "type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": true }},
             "analyzer_results": [
                { "start": 24, "end": 32, "score": 0.8, "entity_type": "NAME" },
                { "start": 24, "end": 28, "score": 0.8, "entity_type": "FIRST_NAME" },
                { "start": 29, "end": 32, "score": 0.6, "entity_type": "LAST_NAME" },
                { "start": 48, "end": 57, "score": 0.95, "entity_type": "PHONE_NUMBER" }]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual("""
            {"text": "hello world, my name is ANONYMIZED. My number is: 03445****",
             "items": [{"operator": "mask", "entity_type": "PHONE_NUMBER", "start": 50, "end": 59, "text": "03445****"},
                {"operator": "replace", "entity_type": "NAME", "start": 24, "end": 34, "text": "ANONYMIZED"}]}
            """, body);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("hello world! nice to meet you!", "hello world! nice to meet you!")]
    public async Task Anonymize_WithEmptyTextOrNoResults_ReturnsTheTextUnchanged(string text, string expected)
    {
        var (status, body) = await PostAsync("/presidio/anonymize",
            $$$"""{"text": "{{{text}}}", "anonymizers": {"DEFAULT": { "type": "replace", "new_value": "ANONYMIZED" }}, "analyzer_results": []}""");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual($$"""{"text": "{{expected}}", "items": []}""", body);
    }

    [Fact]
    public async Task Anonymize_WithADeformedBody_Returns400WithAnError()
    {
        var (status, body) = await PostAsync("/presidio/anonymize", """
            {"text": "hello world, my name is Jane Doe.", "anonymizers": {"DEFAULT": {"type": "replace", "new_value": "ANONYMIZED"},},
             "analyzer_results": [{"start": 24, "end": 32, "score": 0.8, "entity_type": "NAME"},]}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty(ErrorOf(body)));
    }

    [Fact]
    public async Task Anonymize_WithCustom_Returns400()
    {
        var (status, body) = await PostAsync("/presidio/anonymize", """
            {"text": "The user has the following two emails: email1@conto.com and email2@conto.com",
             "anonymizers": {"DEFAULT": { "type": "custom", "new_value": "lambda x:  x[::-1]" }},
             "analyzer_results": [{ "start": 39, "end": 55, "score": 1.0, "entity_type": "EMAIL_ADDRESS" },
                { "start": 60, "end": 76, "score": 1.0, "entity_type": "EMAIL_ADDRESS" }]}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Custom type anonymizer is not supported", ErrorOf(body));
    }

    [Fact]
    public async Task Decrypt_PresidiosOwnCiphertext_ReturnsItsPlaintext()
    {
        const string Text = "e6HnOMnIxbd4a8Qea44LshQDnjvxwzBIaAz+YqHNnMW2mC5r3AWoay8Spsoajyyy";
        var (status, body) = await PostAsync("/presidio/deanonymize", $$$"""
            {"text": "{{{Text}}}", "deanonymizers": {"NUMBER": {"type": "decrypt", "key": "1111111111111111"}},
             "anonymizer_results": [{"start": 0, "end": {{{Text.Length}}}, "entity_type": "NUMBER"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual("""
            {"text": "text_for_encryption", "items": [{"start": 0, "end": 19, "operator": "decrypt", "text": "text_for_encryption", "entity_type": "NUMBER"}]}
            """, body);
    }

    [Fact]
    public async Task Decrypt_WithAKeyOfTheWrongLength_Returns422()
    {
        var (status, body) = await PostAsync("/presidio/deanonymize", """
            {"text": "e6HnOMnIxbd4a8Qea44LshQDnjvxwzBIaAz + YqHNnMW2mC5r3AWoay8Spsoajyyy",
             "deanonymizers": {"NUMBER": {"type": "decrypt", "key": "invalidkey"}},
             "anonymizer_results": [{"start": 0, "end": 66, "entity_type": "NUMBER"}]}
            """);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("Invalid input, key must be of length 128, 192 or 256 bits", ErrorOf(body));
    }

    [Fact]
    public async Task Deanonymize_WithTextOnly_ReturnsItUnchanged()
    {
        var (status, body) = await PostAsync("/presidio/deanonymize", """{"text": "e6HnOMnIxbd4a8Qea44LshQDnjvxwzBIaAz+YqHNnMW2mC5r3AWoay8Spsoajyyy"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual("""{"text": "e6HnOMnIxbd4a8Qea44LshQDnjvxwzBIaAz+YqHNnMW2mC5r3AWoay8Spsoajyyy", "items": []}""", body);
    }

    [Theory]
    [InlineData("/presidio/deanonymize")]
    [InlineData("/presidio/anonymize")]
    public async Task EmptyBody_Returns400InvalidRequestJson(string path)
    {
        var (status, body) = await PostAsync(path, "{ }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Invalid request json", ErrorOf(body));
    }

    [Fact]
    public async Task EncryptThenDecrypt_WithTwoKeys_RestoresTheOriginal()
    {
        const string Original = "Lorem Ipsum is a Software Engineer";
        var (_, encrypted) = await PostAsync("/presidio/anonymize", $$$"""
            {"text": "{{{Original}}}",
             "anonymizers": {"DEFAULT": {"type": "encrypt", "key": "1111111111111111"}, "TITLE": {"type": "encrypt", "key": "2222222222222222"}},
             "analyzer_results": [{"start": 0, "end": 12, "score": 0.8, "entity_type": "NAME"},
                {"start": 18, "end": {{{Original.Length}}}, "score": 0.8, "entity_type": "TITLE"}]}
            """);
        var text = encrypted.GetProperty("text").GetString()!;
        Assert.DoesNotContain("Lorem", text, StringComparison.Ordinal);

        var (status, body) = await PostAsync("/presidio/deanonymize", $$$"""
            {"text": "{{{text}}}",
             "deanonymizers": {"DEFAULT": {"type": "decrypt", "key": "1111111111111111"}, "TITLE": {"type": "decrypt", "key": "2222222222222222"}},
             "anonymizer_results": [{"start": 0, "end": 44, "entity_type": "NAME"}, {"start": 50, "end": 114, "entity_type": "TITLE"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Original, body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Anonymize_WithKeep_LeavesTheNameAndReplacesThePhone()
    {
        var (status, body) = await PostAsync("/presidio/anonymize", """
            {"text": "hello world, my name is Jane Doe. My number is: 034453334",
             "anonymizers": {"NAME": { "type": "keep"}, "PHONE_NUMBER": { "type": "replace" }},
             "analyzer_results": [{ "start": 24, "end": 32, "score": 0.80, "entity_type": "NAME" },
                { "start": 48, "end": 57, "score": 0.95, "entity_type": "PHONE_NUMBER" }]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual("""
            {"text": "hello world, my name is Jane Doe. My number is: <PHONE_NUMBER>",
             "items": [{"operator": "replace", "entity_type": "PHONE_NUMBER", "start": 48, "end": 62, "text": "<PHONE_NUMBER>"},
                {"operator": "keep", "entity_type": "NAME", "start": 24, "end": 32, "text": "Jane Doe"}]}
            """, body);
    }

    [Theory]
    [InlineData("""{"NAME": { "type": "keep"}, "LOCATION": { "type": "replace" }}""", """
        {"text": "I'm George Washington<LOCATION>", "items": [
            {"operator": "replace", "entity_type": "LOCATION", "start": 21, "end": 31, "text": "<LOCATION>"},
            {"operator": "keep", "entity_type": "NAME", "start": 4, "end": 21, "text": "George Washington"}]}
        """)]
    [InlineData("""{"NAME": { "type": "replace"}, "LOCATION": { "type": "keep" }}""", """
        {"text": "I'm <NAME>Washington Square Park", "items": [
            {"operator": "keep", "entity_type": "LOCATION", "start": 10, "end": 32, "text": "Washington Square Park"},
            {"operator": "replace", "entity_type": "NAME", "start": 4, "end": 10, "text": "<NAME>"}]}
        """)]
    [InlineData("""{"DEFAULT": { "type": "keep" }}""", """
        {"text": "I'm George WashingtonWashington Square Park", "items": [
            {"operator": "keep", "entity_type": "LOCATION", "start": 21, "end": 43, "text": "Washington Square Park"},
            {"operator": "keep", "entity_type": "NAME", "start": 4, "end": 21, "text": "George Washington"}]}
        """)]
    public async Task Anonymize_OverlappingSpans_ResolvesThemAsPresidioDoes(string anonymizers, string expected)
    {
        var (status, body) = await PostAsync("/presidio/anonymize",
            $$"""{"text": "I'm George Washington Square Park", "anonymizers": {{anonymizers}}, {{Overlap}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJsonEqual(expected, body);
    }
}
