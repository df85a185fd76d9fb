using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Entities;

namespace Governance.Domain.Tests.Privacy.Entities;

/// <summary>Each rule of <see cref="GazetteerEntityRecognizer"/> on a small hand-made gazetteer, so a rule is tested apart from the Debian data.</summary>
public sealed class GazetteerEntityRecognizerTests
{
    private static readonly Gazetteer Small = new(new GazetteerLists
    {
        GivenNames = ["Helen", "Grace", "Victoria", "Carlos", "Mark"],
        Regions = ["Canada", "Texas", "Georgia", "Mendoza", "Victoria"],
        Cities = ["Lisbon", "Cape Town", "Reading", "Aba"],
        Nationalities = ["Canadian", "Kenyan"],
        CommonWords = ["grace", "mark", "reading", "deploy", "bank", "global"],
    });

    private static readonly GazetteerEntityRecognizer Recognizer = new(Small);

    [Theory]
    [InlineData("Please call Helen Fischer back.", "PERSON", "Helen Fischer", 0.85)]
    [InlineData("Grace Okoro approved it.", "PERSON", "Grace Okoro", 0.85)]
    [InlineData("Dr. Oluwaseun Adeyemi signed.", "PERSON", "Oluwaseun Adeyemi", 0.85)]
    [InlineData("Ask Mr Tanaka about it.", "PERSON", "Tanaka", 0.85)]
    [InlineData("Thomas wrote to Carlos Mendoza's lawyer.", "PERSON", "Carlos Mendoza", 0.85)]
    [InlineData("We spoke to Helen yesterday.", "PERSON", "Helen", 0.6)]
    [InlineData("The office in Lisbon is closed.", "LOCATION", "Lisbon", 0.85)]
    [InlineData("The Lisbon office is closed.", "LOCATION", "Lisbon", 0.7)]
    [InlineData("She flew to Cape Town.", "LOCATION", "Cape Town", 0.85)]
    [InlineData("The customer lives in Reading now.", "LOCATION", "Reading", 0.85)]
    [InlineData("Shipping to Canada, Texas and Georgia.", "LOCATION", "Georgia", 0.85)]
    [InlineData("Our Canadian customers pay in dollars.", "NRP", "Canadian", 0.85)]
    [InlineData("A Catholic school asked.", "NRP", "Catholic", 0.85)]
    [InlineData("The Democrats voted.", "NRP", "Democrats", 0.85)]
    [InlineData("Contract with Siemens AG today.", "ORGANIZATION", "Siemens AG", 0.85)]
    [InlineData("Invoice from Acme Logistics Inc. arrived.", "ORGANIZATION", "Acme Logistics Inc.", 0.85)]
    [InlineData("Bank of Montreal rejected it.", "ORGANIZATION", "Bank of Montreal", 0.85)]
    [InlineData("The Royal Bank of Scotland closed.", "ORGANIZATION", "Royal Bank of Scotland", 0.85)]
    [InlineData("Global Freight Services Ltd lost it.", "ORGANIZATION", "Global Freight Services Ltd", 0.85)]
    [InlineData("The UK office.", "LOCATION", "UK", 0.85)]
    public void Analyze_FindsTheEntity(string text, string type, string value, double score)
    {
        var found = Analyze(text);

        var start = text.IndexOf(value, StringComparison.Ordinal);
        Assert.Contains((type, start, start + value.Length, score), found);
    }

    [Theory]
    [InlineData("Deploy the build to production tonight.")]
    [InlineData("Grace period ends on Monday.")]
    [InlineData("Mark the ticket as done.")]
    [InlineData("We met in May and again in March.")]
    [InlineData("The device MAC is on the lab network.")]
    [InlineData("ABA 112718484")]
    [InlineData("Mi DNI es 99618099Q.")]
    [InlineData("Reading the logs took an hour.")]
    [InlineData("Texas Instruments shipped the chips.")]
    public void Analyze_CapitalsThatAreNoEntity_FindNothing(string text) => Assert.Empty(Analyze(text));

    [Fact]
    public void Analyze_WellKnownPlaceNamedLikeAPerson_IsThePlaceAloneAndThePersonWithASurname()
    {
        Assert.Contains(Analyze("We opened an office in Victoria."), f => f.Type == "LOCATION");
        Assert.Contains(Analyze("Victoria Beckham called."), f => f is { Type: "PERSON", Start: 0, End: 16 });
    }

    [Fact]
    public void Analyze_WithNoDataFiles_StillFindsTitlesOrganisationsAndNrp()
    {
        var degraded = new GazetteerEntityRecognizer(Gazetteer.Empty);
        var text = "Dr. Priya Raghunathan of Contoso Pharmaceuticals, a Hindu, lives in Europe.";
        var results = new List<PiiCandidate>();

        degraded.Analyze(NormalizedText.Create(text), results);

        Assert.Equal(
            ["PERSON Priya Raghunathan", "ORGANIZATION Contoso Pharmaceuticals", "NRP Hindu", "LOCATION Europe"],
            results.Select(r => $"{r.EntityType} {text[r.Start..r.End]}"));
    }

    [Fact]
    public void Analyze_LongText_BeyondTheStackBuffer_FindsEntitiesAtTheEnd()
    {
        var text = string.Concat(Enumerable.Repeat("the queue grows and shrinks ", 200)) + "then Helen Fischer flew to Lisbon.";

        var found = Analyze(text);

        Assert.Contains(found, f => f.Type == "PERSON" && text[f.Start..f.End] == "Helen Fischer");
        Assert.Contains(found, f => f.Type == "LOCATION" && text[f.Start..f.End] == "Lisbon");
    }

    private static List<(string Type, int Start, int End, double Score)> Analyze(string text)
    {
        var results = new List<PiiCandidate>();
        Recognizer.Analyze(NormalizedText.Create(text), results);
        return [.. results.Select(r => (r.EntityType, r.Start, r.End, r.Score))];
    }
}
