using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Inference.Protocol;

/// <summary>
/// An Open Inference Protocol (KServe v2) inference request, as the client sent it: nothing here is
/// validated against a model yet (see <see cref="InferenceRequestBinder"/>).
/// </summary>
[JsonConverter(typeof(InferenceRequestJsonConverter))]
public sealed record InferenceRequest(
    IReadOnlyList<RequestInput> Inputs,
    string? Id = null,
    IReadOnlyList<RequestOutput>? Outputs = null,
    IReadOnlyDictionary<string, JsonElement>? Parameters = null);

/// <summary>One input tensor as sent: <see cref="Data"/> is still JSON, flat or nested.</summary>
public sealed record RequestInput(
    string Name,
    IReadOnlyList<long> Shape,
    string Datatype,
    JsonElement Data,
    IReadOnlyDictionary<string, JsonElement>? Parameters = null);

/// <summary>An output the client asks for; when a request names none, every output is returned.</summary>
public sealed record RequestOutput(string Name, IReadOnlyDictionary<string, JsonElement>? Parameters = null);
