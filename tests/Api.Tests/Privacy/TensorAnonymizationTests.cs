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

/// <summary>BYTES tensors in and out, without HTTP: nesting kept, numbers untouched, outputs anonymized too.</summary>
public sealed class TensorAnonymizationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("governance-tensors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Request_AnonymizesEveryStringOfBytesInputs_KeepsTheNesting_AndLeavesNumericInputsAlone()
    {
        var privacy = Anonymizer().Begin("m", "acme");
        var request = OipJson.ParseRequest("""
            {"inputs":[
              {"name":"t","shape":[2,1],"datatype":"BYTES","data":[["a@example.com"],["4111 1111 1111 1111"]]},
              {"name":"n","shape":[2],"datatype":"FP32","data":[1.5,2]}]}
            """);

        var result = privacy.Request(request);

        var data = result.Inputs[0].Data;
        Assert.Equal(JsonValueKind.Array, data[0].ValueKind);
        Assert.Equal("<EMAIL_ADDRESS>", data[0][0].GetString());
        Assert.Equal("<CREDIT_CARD>", data[1][0].GetString());
        Assert.Equal(request.Inputs[1], result.Inputs[1]);
        Assert.Equal(["CREDIT_CARD:1", "EMAIL_ADDRESS:1"], Counts(privacy));
    }

    [Fact]
    public void Request_WithoutPersonalData_IsReturnedAsSent()
    {
        var request = OipJson.ParseRequest("""{"inputs":[{"name":"t","shape":[1],"datatype":"BYTES","data":["hello"]}]}""");

        Assert.Same(request, Anonymizer().Begin("m", "acme").Request(request));
    }

    [Fact]
    public void Response_AnonymizesBytesOutputs_AndListsInputsAndOutputsTogether()
    {
        var privacy = Anonymizer().Begin("m", "acme");
        privacy.Request(OipJson.ParseRequest("""{"inputs":[{"name":"t","shape":[1],"datatype":"BYTES","data":["b@example.com"]}]}"""));
        var response = new InferenceResponse("m", "1", null,
            [NamedTensor.Create("y", new[] { "reply to jane.roe@example.com" }, 1), NamedTensor.Create("s", new[] { 0.5f }, 1)]);

        var result = privacy.Response(response);

        Assert.Equal(["reply to <EMAIL_ADDRESS>"], result.Outputs[0].GetData<string>());
        Assert.Same(response.Outputs[1], result.Outputs[1]);
        var listed = result.Parameters![TensorAnonymization.ParameterName];
        Assert.Equal("EMAIL_ADDRESS", listed[0].GetProperty("entity_type").GetString());
        Assert.Equal(2, listed[0].GetProperty("count").GetInt32());
        Assert.Equal(1, listed.GetArrayLength());
    }

    [Fact]
    public void Begin_ForAModelConfiguredNone_PassesEverythingThrough()
    {
        var privacy = Anonymizer("none").Begin("m", "acme");
        var response = new InferenceResponse("m", "1", null, [NamedTensor.Create("y", new[] { "jane.roe@example.com" }, 1)]);

        Assert.Same(response, privacy.Response(response));
        Assert.Empty(privacy.Anonymized);
    }

    [Fact]
    public void Request_WithAStringThatIsNotValidUnicode_IsRefusedAsAnInvalidElement()
    {
        var request = OipJson.ParseRequest("""{"inputs":[{"name":"t","shape":[1],"datatype":"BYTES","data":["\ud800"]}]}""");

        var ex = Assert.Throws<InferenceInputException>(() => Anonymizer().Begin("m", "acme").Request(request));
        Assert.Equal(InferenceErrorCodes.InvalidElement, ex.Code);
    }

    private static string[] Counts(TensorAnonymization privacy) =>
        privacy.Anonymized.Select(a => $"{a.EntityType}:{a.Count}").ToArray();

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
