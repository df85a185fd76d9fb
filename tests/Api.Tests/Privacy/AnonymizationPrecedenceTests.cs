using Governance.Api.Anonymization;
using Governance.Api.Configuration;
using Governance.Api.PolicyEngine;
using Governance.Domain.Policies;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Inference.Protocol;
using Governance.Installation.Configuration;
using Governance.Installation.Privacy;
using Microsoft.Extensions.Options;

namespace Governance.Api.Tests.Privacy;

/// <summary>
/// One source of operator settings (docs/anonymization.md): the decision's anonymize obligation first,
/// the model's configured operator only when no rule issued one.
/// </summary>
public sealed class AnonymizationPrecedenceTests : IDisposable
{
    private const string Text = "Mail jane.roe@example.com or call +44 20 7946 0958";

    private readonly string _dir = Directory.CreateTempSubdirectory("governance-precedence-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("replace")]
    [InlineData("none")]
    public void Obligation_WinsOverTheModelsConfiguredOperator(string configured)
    {
        var anonymizer = Anonymizer(configured, new MergedObligations { AnonymizeOperator = "redact", AnonymizeEntities = ["EMAIL_ADDRESS"] });

        var input = anonymizer.Apply("m", "acme", Text);

        Assert.Equal("Mail  or call +44 20 7946 0958", input.Text);
        Assert.Equal(["EMAIL_ADDRESS"], input.Anonymized.Select(a => a.EntityType));
    }

    [Fact]
    public void ObligationWithoutEntities_AppliesItsOperatorToEveryType()
    {
        var anonymizer = Anonymizer("none", new MergedObligations { AnonymizeOperator = "replace" });

        Assert.Equal("Mail <EMAIL_ADDRESS> or call <PHONE_NUMBER>", anonymizer.Apply("m", "acme", Text).Text);
    }

    [Fact]
    public void WithoutAnAnonymizeObligation_TheModelsConfiguredOperatorApplies()
    {
        var anonymizer = Anonymizer("redact", new MergedObligations { RetentionDays = 30 });

        Assert.Equal("Mail  or call ", anonymizer.Apply("m", "acme", Text).Text);
    }

    [Fact]
    public void TensorCall_TakesTheObligationsOperator_OnEveryType_EvenForAModelConfiguredNone()
    {
        var anonymizer = Anonymizer("none", new MergedObligations { AnonymizeOperator = "redact", AnonymizeEntities = ["EMAIL_ADDRESS"] });
        var request = OipJson.ParseRequest($$"""{"inputs":[{"name":"t","shape":[1],"datatype":"BYTES","data":["{{Text}}"]}]}""");

        var result = anonymizer.Begin("m", "acme").Request(request);

        Assert.Equal("Mail  or call ", result.Inputs[0].Data[0].GetString());
    }

    private ModelAnonymizer Anonymizer(string configured, MergedObligations obligations)
    {
        var keyFile = Path.Combine(_dir, "master.key");
        var options = new GovernanceOptions { Privacy = new PrivacyOptions { MasterKeyFile = keyFile } };
        options.Privacy.Models["m"] = new ModelPrivacyOptions { Operator = configured };
        var decisions = new PolicyDecisionScope { Decision = new PolicyDecision("1", true, [], [], obligations, []) };
        return new ModelAnonymizer(decisions, PiiEngine.CreateDefault(), TenantKeyring.LoadOrCreate(keyFile, SystemRandomSource.Instance), Options.Create(options));
    }
}
