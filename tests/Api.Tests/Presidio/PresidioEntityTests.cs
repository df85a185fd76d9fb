using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using static Governance.Api.Tests.Presidio.PresidioHttp;

namespace Governance.Api.Tests.Presidio;

/// <summary>PERSON, LOCATION, NRP and ORGANIZATION through the Presidio surface: listed, described, found with Presidio's entity names.</summary>
[Collection(ApiCollection.Name)]
public sealed class PresidioEntityTests(ApiFactory api)
{
    private const string Text = "Dr. Priya Raghunathan flew from Nairobi to Lisbon with a Kenyan colleague from Contoso Pharmaceuticals.";

    [Fact]
    public async Task Catalogs_ListTheNamedEntityTypesAndTheirRecognizer()
    {
        using var client = api.ClientAs(Roles.Admin);

        var (_, entities) = await GetAsync(client, "/presidio/supportedentities?language=en");
        var (_, recognizers) = await GetAsync(client, "/presidio/recognizers?language=en");

        var types = entities.EnumerateArray().Select(e => e.GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "PERSON", "LOCATION", "NRP", "ORGANIZATION" }, types);
        Assert.Contains("GazetteerEntityRecognizer", recognizers.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Analyze_FindsPersonLocationNrpAndOrganization_WithPresidiosNamesAndScores()
    {
        var (status, body) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), "/presidio/analyze",
            $$"""{"text": "{{Text}}", "language": "en", "entities": ["PERSON", "LOCATION", "NRP", "ORGANIZATION"]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var found = body.EnumerateArray()
            .Select(r => (r.GetProperty("entity_type").GetString(), Text[r.GetProperty("start").GetInt32()..r.GetProperty("end").GetInt32()], r.GetProperty("score").GetDouble()))
            .OrderBy(r => Text.IndexOf(r.Item2, StringComparison.Ordinal))
            .ToList();
        Assert.Equal(
            [("PERSON", "Priya Raghunathan", 0.85), ("LOCATION", "Nairobi", 0.85), ("LOCATION", "Lisbon", 0.85),
             ("NRP", "Kenyan", 0.85), ("ORGANIZATION", "Contoso Pharmaceuticals", 0.85)],
            found);
    }

    [Fact]
    public async Task Anonymize_ReplacesTheNamedEntities()
    {
        var (status, body) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), "/presidio/anonymize",
            $$"""{"text": "{{Text}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Dr. <PERSON> flew from <LOCATION> to <LOCATION> with a <NRP> colleague from <ORGANIZATION>.",
            body.GetProperty("text").GetString());
    }
}
