namespace Governance.Api.Persistence;

/// <summary>A model's version policy (JSON: latest / specific / all), set by an admin; see ADR-031.</summary>
public sealed class ModelVersionPolicyRecord
{
    public required string ModelName { get; init; }

    public required string Policy { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
