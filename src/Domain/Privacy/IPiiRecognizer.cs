namespace Governance.Domain.Privacy;

/// <summary>
/// Finds one or more entity types in a normalized text. Implementations are stateless and thread-safe,
/// validate checksums themselves (a candidate that fails its checksum is not reported), and never
/// allocate per character.
/// </summary>
public interface IPiiRecognizer
{
    /// <summary>Reported as <see cref="PiiEntity.Recognizer"/>, e.g. "CreditCardRecognizer".</summary>
    string Name { get; }

    IReadOnlyList<string> EntityTypes { get; }

    /// <summary>Words that, found shortly before a match, make it more likely (Presidio's context).</summary>
    IReadOnlyList<string> ContextWords { get; }

    void Analyze(NormalizedText text, List<PiiCandidate> results);
}
