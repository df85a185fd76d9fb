using System.Text.Json;
using Governance.Cli.Tests.Infrastructure;

namespace Governance.Cli.Tests;

/// <summary>`governance pii analyze|anonymize`: text on stdin, JSON on stdout, offline.</summary>
public sealed class PiiCommandTests : IDisposable
{
    private const string Text = "Mail jane.roe@example.com, card 4111 1111 1111 1111.";
    private const string Email = "jane.roe@example.com";
    private const string Card = "4111 1111 1111 1111";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Analyze_PrintsTheEmailAndTheCardWithTheirSpansInTheOriginalText()
    {
        var result = await PiiAsync(Text, "analyze");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var found = json.RootElement.EnumerateArray()
            .ToDictionary(e => e.GetProperty("entity_type").GetString()!, e => (e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32()));
        var email = Text.IndexOf(Email, StringComparison.Ordinal);
        var card = Text.IndexOf(Card, StringComparison.Ordinal);
        Assert.Equal((email, email + Email.Length), found["EMAIL_ADDRESS"]);
        Assert.Equal((card, card + Card.Length), found["CREDIT_CARD"]);
    }

    [Fact]
    public async Task Anonymize_WithMask_PrintsTheMaskedTextAndTheReplacedSpans()
    {
        var result = await PiiAsync(Text, "anonymize", "--operator", "mask");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var masked = $"Mail {new string('*', Email.Length)}, card {new string('*', Card.Length)}.";
        Assert.Equal(masked, json.RootElement.GetProperty("text").GetString());
        var types = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entity_type").GetString()!).Order().ToArray();
        Assert.Equal(["CREDIT_CARD", "EMAIL_ADDRESS"], types);
        Assert.True(File.Exists(_temp.File("privacy-master.key")), "the keys must come from the given master key file");
    }

    [Fact]
    public async Task Anonymize_WithAnUnknownOperator_ExitsNonZeroNamingIt()
    {
        var result = await PiiAsync(Text, "anonymize", "--operator", "shred");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("shred", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_NonAsciiOnStdin_ReportsUtf16OffsetsOfTheOriginal()
    {
        const string text = "\U0001F600 café: write to jo\uFF20example.com";

        var result = await PiiAsync(text, "analyze");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var found = Assert.Single(json.RootElement.EnumerateArray());
        var start = text.IndexOf("jo\uFF20", StringComparison.Ordinal);
        Assert.Equal(("EMAIL_ADDRESS", start, text.Length), (found.GetProperty("entity_type").GetString(), found.GetProperty("start").GetInt32(), found.GetProperty("end").GetInt32()));
    }

    private Task<CliResult> PiiAsync(string stdin, params string[] args) =>
        CliProcess.RunAsync(new CliRun(_temp.File("signing-key.pem"), _temp.Path, ["pii", .. args])
        {
            StdIn = stdin,
            Environment = new Dictionary<string, string> { ["Governance__Privacy__MasterKeyFile"] = _temp.File("privacy-master.key") },
        });
}
