namespace Governance.Domain.Privacy;

/// <summary>
/// A piece of personal data found in a text: its Presidio entity type (e.g. "CREDIT_CARD"), its span
/// in the ORIGINAL text in UTF-16 code units (<see cref="Start"/> inclusive, <see cref="End"/>
/// exclusive), the confidence and the recognizer that found it.
/// </summary>
public sealed record PiiEntity(string EntityType, int Start, int End, double Score, string Recognizer)
{
    public int Length => End - Start;
}

/// <summary>
/// What a recognizer reports, in the coordinates of the NORMALIZED text it was given; the analyzer maps
/// it back to the original and applies context and threshold.
/// </summary>
public readonly record struct PiiCandidate(string EntityType, int Start, int End, double Score, string Recognizer);
