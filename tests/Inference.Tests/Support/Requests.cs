using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;

namespace Governance.Inference.Tests.Support;

public static class Requests
{
    /// <summary>{"inputs":[{"name":name,"shape":shape,"datatype":datatype,"data":data}]} from raw JSON fragments.</summary>
    public static string One(string name, string shape, string datatype, string data) =>
        $$"""{"inputs":[{"name":"{{name}}","shape":{{shape}},"datatype":"{{datatype}}","data":{{data}}}]}""";

    /// <summary>Parses and validates, as the API does for /infer.</summary>
    public static ValidatedRequest Validate(string json, IReadOnlyList<TensorSpec> inputs, IReadOnlyList<TensorSpec> outputs) =>
        InferenceRequestBinder.Bind(OipJson.ParseRequest(json), inputs, outputs);

    public static InferenceInputException Rejects(string json, IReadOnlyList<TensorSpec> inputs, IReadOnlyList<TensorSpec> outputs) =>
        Assert.Throws<InferenceInputException>(() => Validate(json, inputs, outputs));
}
