using System.Text;
using Governance.Domain.Privacy.Entities;

namespace Governance.Domain.Tests.Privacy.Entities;

/// <summary>The loader over the installed Debian data (eng/gazetteers.sh installs it for the tests) and over none.</summary>
public sealed class DebianGazetteerTests
{
    [Fact]
    public void Default_ReadsEveryInstalledSource()
    {
        var g = DebianGazetteer.Default;

        Assert.Empty(g.Missing);
        Assert.Equal(8, g.Sources.Count);
        Assert.True(g.GivenNameCount > 10_000, $"{g.GivenNameCount} given names");
        Assert.True(g.PlaceCount > 25_000, $"{g.PlaceCount} places");
        Assert.True(g.IsRegion("Portugal") && g.IsRegion("Bayern") && g.IsRegion("Buenos Aires"));
        Assert.True(g.IsCity("Alcobaça"), "Alcobaça");
        Assert.True(g.IsCity("Alcobaca"), "Alcobaca");
        Assert.True(g.IsNrp("Kenyan") && g.IsNrp("Japanese") && g.IsNrp("Canadians"));
        Assert.False(g.IsNrp("Omann"));
        Assert.True(g.IsCommonWord("Grace") && !g.IsCommonWord("Lisbon"));
    }

    [Fact]
    public void Load_FromAnEmptyRoot_NamesEveryMissingFileAndStillWorks()
    {
        var root = Directory.CreateTempSubdirectory("gazetteer-").FullName;
        try
        {
            var g = DebianGazetteer.Load(root);

            Assert.Empty(g.Sources);
            Assert.Equal(8, g.Missing.Count);
            Assert.True(g.IsGivenName("Jennifer"), "the built-in first names stay");
            Assert.True(g.IsNrp("Catholic") && g.IsRegion("Europe"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_UnreadableCatalogue_IsReportedMissing()
    {
        var root = Directory.CreateTempSubdirectory("gazetteer-").FullName;
        try
        {
            var mo = Path.Combine(root, DebianGazetteer.GeoNames);
            Directory.CreateDirectory(Path.GetDirectoryName(mo)!);
            File.WriteAllBytes(mo, Encoding.ASCII.GetBytes("not a catalogue at all, just text"));

            var g = DebianGazetteer.Load(root);

            Assert.Contains(mo, g.Missing);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
