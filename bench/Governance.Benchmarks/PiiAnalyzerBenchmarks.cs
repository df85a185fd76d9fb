using System.Text;
using BenchmarkDotNet.Attributes;
using Governance.Benchmarks.Setup;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Entities;
using Governance.Domain.Privacy.Names;
using Governance.Domain.Privacy.National;

namespace Governance.Benchmarks;

/// <summary>
/// The PII analyzer with every built-in recognizer (global, national ids, name dictionary, gazetteer
/// entities), as
/// <c>PiiEngine.CreateDefault</c> composes it, on English-like text with ~1% PII, 1 KB and 1 MB.
/// The baseline is <see cref="NormalizedText.Create"/> alone: the analyzer's own first step, which on
/// ASCII text is one vectorized pass over the characters, so the ratio reads as "recognizers cost N
/// memory scans". MB/s = Size bytes (UTF-8 = characters here: ASCII) / Mean.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class that derives from each benchmark class.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class PiiAnalyzerBenchmarks
{
    private PiiAnalyzer _analyzer = null!;
    private string _text = null!;

    [Params(1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var recognizers = new List<IPiiRecognizer>(PiiRecognizers.Global);
        recognizers.AddRange(NationalIdRecognizers.All);
        recognizers.Add(DictionaryNameRecognizer.Default);
        recognizers.Add(GazetteerEntityRecognizer.Default);
        _analyzer = new PiiAnalyzer(recognizers, new PiiAnalyzerOptions());
        _text = PiiCorpus.Create(Size);
        if (Encoding.UTF8.GetByteCount(_text) != Size)
        {
            throw new InvalidOperationException($"Corpus is {_text.Length} characters, expected {Size}.");
        }

        // Proof the corpus has what it claims: a benchmark over text with no hits would flatter us.
        var found = _analyzer.Analyze(_text);
        Console.WriteLine($"// PII corpus {Size} B: {found.Count} entities found");
    }

    [Benchmark(Baseline = true, Description = "NormalizedText.Create")]
    public NormalizedText Normalize() => NormalizedText.Create(_text);

    [Benchmark(Description = "PiiAnalyzer.Analyze (all recognizers)")]
    public IReadOnlyList<PiiEntity> Analyze() => _analyzer.Analyze(_text);
}
