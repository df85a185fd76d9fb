using Governance.Domain.Privacy.Entities;
using Governance.Domain.Privacy.Names;
using Governance.Domain.Privacy.National;
using Governance.Domain.Privacy.Operators;

namespace Governance.Domain.Privacy;

/// <summary>
/// The analyzer with the built-in recognizers (Presidio's global set, national identifiers, the name
/// dictionary, the gazetteer recognizer for PERSON/LOCATION/NRP/ORGANIZATION), shared by the endpoints, the governed text call and the CLI. Thread-safe; one per process.
/// </summary>
public sealed class PiiEngine
{
    private readonly PiiAnalyzer _analyzer;
    private readonly HashSet<string> _entityTypes = new(StringComparer.Ordinal);

    public PiiEngine(IReadOnlyList<IPiiRecognizer> recognizers)
    {
        _analyzer = new PiiAnalyzer(recognizers, new PiiAnalyzerOptions());
        foreach (var recognizer in recognizers)
        {
            foreach (var type in recognizer.EntityTypes)
            {
                _entityTypes.Add(type);
            }
        }
    }

    /// <summary>The entity types some recognizer reports; requests may name only these.</summary>
    public IReadOnlySet<string> EntityTypes => _entityTypes;

    public IReadOnlyList<IPiiRecognizer> Recognizers => _analyzer.Recognizers;

    public static PiiEngine CreateDefault()
    {
        var recognizers = new List<IPiiRecognizer>(PiiRecognizers.Global);
        recognizers.AddRange(NationalIdRecognizers.All);
        recognizers.Add(DictionaryNameRecognizer.Default);
        recognizers.Add(GazetteerEntityRecognizer.Default);
        return new PiiEngine(recognizers);
    }

    public IReadOnlyList<PiiEntity> Analyze(string text, IReadOnlyCollection<string>? entities = null, double? scoreThreshold = null) =>
        _analyzer.Analyze(text, entities, scoreThreshold);

    public AnonymizationResult Anonymize(string text, OperatorSet operators, AnonymizationKeys keys,
        IReadOnlyCollection<string>? entities = null, double? scoreThreshold = null) =>
        TextAnonymizer.Anonymize(text, Analyze(text, entities, scoreThreshold), operators, keys);
}
