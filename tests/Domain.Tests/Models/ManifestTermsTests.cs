using Governance.Domain.Models;

namespace Governance.Domain.Tests.Models;

public sealed class ManifestTermsTests
{
    [Fact]
    public void DataCategories_FromTheVocabulary_HaveNoProblems()
    {
        Assert.Empty(DataCategories.Problems(["personal", "financial", "health", "biometric", "public"]));
        Assert.Empty(DataCategories.Problems(null));
    }

    [Fact]
    public void DataCategories_OutsideTheVocabulary_AreEachNamedOnce()
    {
        var problems = DataCategories.Problems(["personal", "medical", "medical", "Health"]);

        Assert.Contains(problems, p => p.StartsWith("Unknown data category 'medical'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Unknown data category 'Health'", StringComparison.Ordinal));
        Assert.Contains("Data categories must be unique.", problems);
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void LicenseTerms_ThatAreComplete_HaveNoProblems()
    {
        var terms = new ModelLicenseTerms("apache-2.0", Commercial: true, "Example Labs", ["support", "credit-scoring"], new DateOnly(2030, 1, 1));

        Assert.Empty(terms.Problems());
    }

    [Fact]
    public void LicenseTerms_WithoutIdOrCommercial_NameBoth()
    {
        var problems = new ModelLicenseTerms(null!, Commercial: null).Problems();

        Assert.Contains(problems, p => p.StartsWith("License id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("License commercial", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Support Desk")]
    [InlineData("")]
    [InlineData("-leading-dash")]
    public void LicenseTerms_WithAPurposeThatCannotBeAnXPurposeValue_AreRefused(string purpose)
    {
        var problems = new ModelLicenseTerms("x", Commercial: false, Purposes: ["support", purpose]).Problems();

        Assert.Contains(problems, p => p.StartsWith("License purposes", StringComparison.Ordinal));
    }

    [Fact]
    public void LicenseTerms_WithRepeatedPurposesOrABlankLicensor_AreRefused()
    {
        var problems = new ModelLicenseTerms("x", Commercial: false, Licensor: " ", Purposes: ["support", "support"]).Problems();

        Assert.Equal(2, problems.Count);
    }
}
