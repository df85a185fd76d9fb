namespace Governance.DemoModels.SupportIntent;

/// <summary>Phrasings for one side of the split: core sentences and follow-ups that may be appended.</summary>
internal sealed record PhraseSet(IReadOnlyList<string> Core, IReadOnlyList<string> FollowUps);

/// <summary>
/// One intent's phrasings. <see cref="Test"/> phrases never reach training, so the test accuracy
/// measures generalisation to new wording rather than recall of seen sentences.
/// </summary>
internal sealed record IntentPhrases(string Label, PhraseSet Train, PhraseSet Test);

/// <summary>Reads support-intent-phrases.txt (embedded; its header explains the format).</summary>
internal static class SupportIntentPhrases
{
    private const string ResourceName = "Governance.DemoModels.SupportIntent.support-intent-phrases.txt";

    public static IReadOnlyList<IntentPhrases> Load()
    {
        using var stream = typeof(SupportIntentPhrases).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var intents = new List<IntentPhrases>();
        Builder? current = null;
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                Add(intents, current);
                current = new Builder(line[1..^1]);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (current is null || colon < 0)
            {
                throw new InvalidDataException($"Unexpected line in {ResourceName}: {line}");
            }

            current.Add(line[..colon], line[(colon + 1)..].Trim());
        }

        Add(intents, current);
        return intents;
    }

    private static void Add(List<IntentPhrases> intents, Builder? builder)
    {
        if (builder is not null)
        {
            intents.Add(builder.Build());
        }
    }

    private sealed class Builder(string label)
    {
        private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal)
        {
            ["train"] = [],
            ["test"] = [],
            ["train+"] = [],
            ["test+"] = [],
        };

        public void Add(string kind, string phrase)
        {
            if (!_lists.TryGetValue(kind, out var list))
            {
                throw new InvalidDataException($"Unknown phrase kind '{kind}' for intent {label}.");
            }

            list.Add(phrase);
        }

        public IntentPhrases Build()
        {
            foreach (var (kind, list) in _lists)
            {
                if (list.Count == 0)
                {
                    throw new InvalidDataException($"Intent {label} has no '{kind}' phrases.");
                }
            }

            return new IntentPhrases(
                label,
                new PhraseSet(_lists["train"], _lists["train+"]),
                new PhraseSet(_lists["test"], _lists["test+"]));
        }
    }
}
