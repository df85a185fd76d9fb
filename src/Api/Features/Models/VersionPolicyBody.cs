using System.Text.Json.Serialization;

namespace Governance.Api.Features.Models;

/// <summary>The body of PUT /api/v1/models/{m}/version-policy; unknown members are refused (400).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record VersionPolicyBody(int? Latest, IReadOnlyList<string>? Specific, bool? All)
{
    public SetVersionPolicy ToCommand(string model) => new(model, Latest, Specific, All);
}
