using System.Text.Json;
using Governance.Api.Anonymization;
using Governance.Api.Configuration;
using Governance.Api.PolicyEngine;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Tensors;
using Governance.Installation.Configuration;
using Governance.Installation.Privacy;
using Microsoft.Extensions.Options;

namespace Governance.Api.Tests.Privacy;

/// <summary>OIP "parameters" (request, per input, per requested output, and the model's response) are anonymized like BYTES data.</summary>
public sealed class TensorAnonymizationParameterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("governance-parameters-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Request_AnonymizesStringParametersAtEveryLevelAndDepth_AndKeepsOtherValues()
    {
        var privacy = Anonymizer().Begin("m", "acme");
        var request = OipJson.ParseRequest("""
            {"id":"r1","parameters":{"note":"from jane.doe@example.com","tags":["ok","card 4111 1111 1111 1111"],"nested":{"who":"ops@contoso.io"},"n":3,"flag":true},
             "inputs":[{"name":"x","shape":[1],"datatype":"FP32","data":[1],"parameters":{"comment":"call +1 415 555 2671","content_type":"str"}}],
             "outputs":[{"name":"y","parameters":{"label":"for 4111-1111-1111-1111"}}]}
            """);

        var result = privacy.Request(request);

        var p = result.Parameters!;
        Assert.Equal("from <EMAIL_ADDRESS>", p["note"].GetString());
        Assert.Equal("ok", p["tags"][0].GetString());
        Assert.Equal("card <CREDIT_CARD>", p["tags"][1].GetString());
        Assert.Equal("<EMAIL_ADDRESS>", p["nested"].GetProperty("who").GetString());
        Assert.Equal(3, p["n"].GetInt32());
        Assert.True(p["flag"].GetBoolean());
        Assert.Equal("call <PHONE_NUMBER>", result.Inputs[0].Parameters!["comment"].GetString());
        Assert.Equal("str", result.Inputs[0].Parameters!["content_type"].GetString());
        Assert.Equal(request.Inputs[0].Data.GetRawText(), result.Inputs[0].Data.GetRawText());
        Assert.Equal("for <CREDIT_CARD>", result.Outputs![0].Parameters!["label"].GetString());
        Assert.Equal(["CREDIT_CARD:2", "EMAIL_ADDRESS:2", "PHONE_NUMBER:1"], privacy.Anonymized.Select(a => $"{a.EntityType}:{a.Count}"));
    }

    [Fact]
    public void Request_TheSerializedPayloadTheTrailDigestsHoldsNoRawValueFromParameters()
    {
        var request = OipJson.ParseRequest("""
            {"parameters":{"note":"jane.doe@example.com"},"inputs":[{"name":"t","shape":[1],"datatype":"BYTES","data":["hi"],"parameters":{"c":"4111 1111 1111 1111"}}]}
            """);

        var json = System.Text.Encoding.UTF8.GetString(OipJson.SerializeToUtf8Bytes(Anonymizer().Begin("m", "acme").Request(request)));

        Assert.DoesNotContain("jane.doe@example.com", json, StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111 1111 1111", json, StringComparison.Ordinal);
        Assert.Contains("EMAIL_ADDRESS", json, StringComparison.Ordinal); // "<" may be written escaped
    }

    [Fact]
    public void Request_WithParametersButNoPersonalData_IsReturnedAsSent()
    {
        var request = OipJson.ParseRequest("""{"parameters":{"a":"hello","b":[1,2]},"inputs":[{"name":"x","shape":[1],"datatype":"FP32","data":[1],"parameters":{"c":"str"}}]}""");

        Assert.Same(request, Anonymizer().Begin("m", "acme").Request(request));
    }

    [Fact]
    public void Request_WithAParameterThatIsNotValidUnicode_IsRefusedAsAnInvalidElement()
    {
        var request = OipJson.ParseRequest("""{"parameters":{"a":"\ud800"},"inputs":[{"name":"x","shape":[1],"datatype":"FP32","data":[1]}]}""");

        var ex = Assert.Throws<InferenceInputException>(() => Anonymizer().Begin("m", "acme").Request(request));
        Assert.Equal(InferenceErrorCodes.InvalidElement, ex.Code);
    }

    [Fact]
    public void Response_AnonymizesTheModelsStringParameters()
    {
        var privacy = Anonymizer().Begin("m", "acme");
        var parameters = new Dictionary<string, JsonElement> { ["echo"] = JsonSerializer.SerializeToElement("for jane.doe@example.com") };
        var response = new InferenceResponse("m", "1", null, [NamedTensor.Create("s", new[] { 0.5f }, 1)], parameters);

        var result = privacy.Response(response);

        Assert.Equal("for <EMAIL_ADDRESS>", result.Parameters!["echo"].GetString());
        Assert.Equal("EMAIL_ADDRESS", result.Parameters[TensorAnonymization.ParameterName][0].GetProperty("entity_type").GetString());
    }

    [Fact]
    public void Request_ForAModelConfiguredNone_LeavesParametersAlone()
    {
        var request = OipJson.ParseRequest("""{"parameters":{"a":"jane.doe@example.com"},"inputs":[{"name":"x","shape":[1],"datatype":"FP32","data":[1]}]}""");

        Assert.Same(request, Anonymizer("none").Begin("m", "acme").Request(request));
    }

    private ModelAnonymizer Anonymizer(string? configured = null)
    {
        var keyFile = Path.Combine(_dir, "master.key");
        var options = new GovernanceOptions { Privacy = new PrivacyOptions { MasterKeyFile = keyFile } };
        if (configured is not null)
        {
            options.Privacy.Models["m"] = new ModelPrivacyOptions { Operator = configured };
        }

        var engine = PiiEngine.CreateDefault();
        var keyring = TenantKeyring.LoadOrCreate(keyFile, SystemRandomSource.Instance);
        return new ModelAnonymizer(new PolicyDecisionScope(), engine, keyring, Options.Create(options));
    }
}
