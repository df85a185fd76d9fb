using System.Text.RegularExpressions;
using Governance.Audit.Offline.Integrity;
using Governance.Audit.Offline.Merkle;
using Governance.Domain.Auditing;

namespace Governance.Audit.Tests;

/// <summary>docs/audit-encoding.md is the contract: its worked example must be what the code hashes.</summary>
public sealed partial class AuditEncodingDocTests
{
    // The example's fields exactly as the page's table lists them.
    private static readonly AuditEntry Example = new(
        Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
        new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560),
        "inference.infer", AuditOutcome.Denied, 403, "client-7", "tenant", "acme", "credit-risk", "3", null, "policy-denied",
        ["consent.required"], null, null, null)
    {
        PolicyVersion = "v4",
        Decision = "{\"allow\":false}",
        DataSubject = null,
    };

    [Fact]
    public void WorkedExample_BytesAndLeafHash_AreWhatTheCodeComputes()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "audit-encoding.md"));

        var bytes = Convert.FromHexString(Whitespace().Replace(Block(doc, "worked-example:bytes"), ""));
        var leaf = Block(doc, "worked-example:leaf").Trim();

        var encoded = AuditEntryEncoding.Encode(Example);
        Assert.Equal(Convert.ToHexStringLower(encoded), Convert.ToHexStringLower(bytes));
        Assert.Equal(Convert.ToHexStringLower(MerkleHash.Leaf(encoded)), leaf);
        Assert.Contains($"(= {AuditEntryEncoding.ToUnixMicroseconds(Example.OccurredAt)} µs)", doc, StringComparison.Ordinal);
        Assert.Contains($"All {encoded.Length} bytes", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkedExample_FieldByFieldLines_JoinToTheBytes()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "audit-encoding.md"));
        var fieldLines = Regex.Match(doc, "Field by field:\n\n```\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;

        var joined = string.Concat(fieldLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Whitespace().Replace(l.Split(' ', 2)[1], "")));

        Assert.Equal(Convert.ToHexStringLower(AuditEntryEncoding.Encode(Example)), joined);
    }

    private static string Block(string doc, string marker)
    {
        var match = Regex.Match(doc, "<!-- " + Regex.Escape(marker) + " -->\n```\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"docs/audit-encoding.md has no block marked {marker}");
        return match.Groups[1].Value;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Governance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Governance.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
