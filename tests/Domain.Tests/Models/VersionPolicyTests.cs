using Governance.Domain.Models;

namespace Governance.Domain.Tests.Models;

public sealed class VersionPolicyTests
{
    // Newest registration first, as the catalog lists versions in service.
    private static readonly string[] InService = ["5", "3", "2", "1"];

    [Fact]
    public void Latest_ServesTheNewestRegistrations_NewestFirst()
    {
        Assert.Equal(["5", "3"], new VersionPolicy(Latest: 2).Select(InService));
        Assert.Equal(InService, new VersionPolicy(Latest: 10).Select(InService));
    }

    [Fact]
    public void Specific_ServesTheNamedVersionsInService_InRegistrationOrder()
    {
        Assert.Equal(["3", "1"], new VersionPolicy(Specific: ["1", "3", "9"]).Select(InService));
    }

    [Fact]
    public void All_ServesEveryVersionInService()
    {
        Assert.Equal(InService, VersionPolicy.ServeAll.Select(InService));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(0, null, null)]
    [InlineData(101, null, null)]
    [InlineData(1, null, true)]
    [InlineData(null, null, false)]
    public void Malformed_IsRefusedWithAReason(int? latest, string? specific, bool? all)
    {
        var policy = new VersionPolicy(latest, specific?.Split(','), all);

        Assert.NotEmpty(policy.Problems());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,1")]
    public void MalformedSpecific_IsRefusedWithAReason(string specific)
    {
        Assert.NotEmpty(new VersionPolicy(Specific: specific.Length == 0 ? [] : specific.Split(',')).Problems());
    }

    [Fact]
    public void WellFormed_HasNoProblems()
    {
        Assert.Empty(new VersionPolicy(Latest: 1).Problems());
        Assert.Empty(new VersionPolicy(Specific: ["1", "2"]).Problems());
        Assert.Empty(VersionPolicy.ServeAll.Problems());
    }
}
