namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// EMAIL_ADDRESS: a practical RFC 5322 address, local@domain.tld: a dot-atom local part (no leading,
/// trailing or doubled dot, at most 64 characters) and a host name whose TLD is two or more letters.
/// </summary>
public sealed class EmailRecognizer : IPiiRecognizer
{
    public const string EntityType = "EMAIL_ADDRESS";

    public string Name => nameof(EmailRecognizer);

    public IReadOnlyList<string> EntityTypes { get; } = [EntityType];

    public IReadOnlyList<string> ContextWords { get; } = ["email", "e-mail", "mail", "contact", "address"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        var at = s.IndexOf('@');
        while (at >= 0)
        {
            var start = LocalStart(s, at);
            var end = start < 0 ? -1 : DomainNames.Read(s, at + 1, out _);
            if (end > 0)
            {
                results.Add(new PiiCandidate(EntityType, start, end, 1.0, Name));
            }

            var next = s[(at + 1)..].IndexOf('@');
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    public static bool IsLocalChar(char c) =>
        char.IsLetterOrDigit(c) || (c < 0x80 && "!#$%&'*+/=?^_`{|}~.-".Contains(c, StringComparison.Ordinal));

    /// <summary>The start of the local part that ends at <paramref name="at"/>, or -1 when there is none.</summary>
    private static int LocalStart(ReadOnlySpan<char> s, int at)
    {
        var start = at;
        while (start > 0 && IsLocalChar(s[start - 1]))
        {
            start--;
        }

        // Leading dots belong to the sentence, not the address ("...see.me@x.com" keeps "see.me").
        while (start < at && s[start] == '.')
        {
            start++;
        }

        var local = s[start..at];
        if (local.IsEmpty || local.Length > 64 || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return -1;
        }

        return start;
    }
}
