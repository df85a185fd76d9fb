namespace Governance.Domain.Privacy.Names;

/// <summary>A named-entity model (e.g. a token-classification network run through ONNX Runtime) that finds PERSON and similar spans.</summary>
public interface INamedEntityModel
{
    /// <summary>Entity types the model can report, e.g. "PERSON", "LOCATION", "ORGANIZATION".</summary>
    IReadOnlyList<string> EntityTypes { get; }

    /// <summary>Adds the spans the model finds, in normalized-text coordinates, to <paramref name="results"/>.</summary>
    void Predict(NormalizedText text, List<PiiCandidate> results);
}
