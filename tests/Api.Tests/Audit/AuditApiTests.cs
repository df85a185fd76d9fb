using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Audit;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Merkle;
using Governance.Domain.Auditing;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Audit;

/// <summary>Checkpoints, proofs and verification over HTTP, checked with the offline proof code.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditApiTests(ApiFactory api)
{
    [Fact]
    public async Task PublishedCheckpoint_IsSignedByTheAuditKey_AndWrittenToTheAnchor()
    {
        using var compliance = api.ClientAs(Roles.Compliance);
        await AppendAsync("checkpoint-probe");

        using var published = await compliance.PostAsync(new Uri("/api/v1/audit/checkpoints", UriKind.Relative), null);

        var body = await published.ReadJsonAsync(HttpStatusCode.Created);
        var note = body.GetProperty("note").GetString()!;
        var checkpoint = SignedCheckpoint.ParseNote(note);
        Assert.True(CheckpointVerifier.Verify(checkpoint, [AuditKey()], out var problem), problem);
        Assert.Equal("Ed25519", AuditKey().Algorithm);
        Assert.True(checkpoint.Body.TreeSize >= await api.AuditCountAsync() - 1);
        Assert.Equal(note, await File.ReadAllTextAsync(Path.Combine(api.AnchorDirectory, Governance.Audit.Publishing.DirectoryAnchor.FileNameOf(checkpoint.Body.TreeSize))));
        var latest = await (await compliance.GetAsync(new Uri("/api/v1/audit/checkpoints/latest", UriKind.Relative))).ReadJsonAsync();
        Assert.True(latest.GetProperty("treeSize").GetInt64() >= checkpoint.Body.TreeSize);
    }

    [Fact]
    public async Task NewEntries_AreCheckpointedAndAnchoredWithoutBeingAsked()
    {
        var receipt = await AppendAsync("timer-probe");

        // The factory runs the checkpoint timer every second (production default: 10 s).
        SignedCheckpoint? anchored = null;
        for (var i = 0; i < 100 && (anchored is null || anchored.Body.TreeSize < receipt.Sequence); i++)
        {
            await Task.Delay(100);
            var latest = Path.Combine(api.AnchorDirectory, "latest.note");
            anchored = File.Exists(latest) ? SignedCheckpoint.ParseNote(await File.ReadAllTextAsync(latest)) : null;
        }

        Assert.NotNull(anchored);
        Assert.True(anchored.Body.TreeSize >= receipt.Sequence, $"anchor at {anchored.Body.TreeSize}, entry {receipt.Sequence}");
        Assert.True(File.Exists(Path.Combine(api.AnchorDirectory, Governance.Audit.Publishing.DirectoryAnchor.FileNameOf(anchored.Body.TreeSize))));
    }

    [Fact]
    public async Task InclusionProof_VerifiesAgainstTheCheckpointRoot()
    {
        using var compliance = api.ClientAs(Roles.Compliance);
        var receipt = await AppendAsync("inclusion-probe");
        var checkpoint = await PublishAsync(compliance);

        var proof = await (await compliance.GetAsync(new Uri(
            $"/api/v1/audit/proofs/inclusion?sequence={receipt.Sequence}&tree_size={checkpoint.Body.TreeSize}", UriKind.Relative))).ReadJsonAsync();

        var stored = await new AuditReader(api.Database.AppDataSource).GetAsync(receipt.Sequence, CancellationToken.None);
        var leaf = MerkleHash.Leaf(stored!.Canonical);
        Assert.Equal(Convert.ToHexStringLower(leaf), proof.GetProperty("leafHash").GetString());
        var path = Hashes(proof.GetProperty("proof"));
        Assert.True(MerkleProofs.VerifyInclusion(receipt.Sequence - 1, checkpoint.Body.TreeSize, leaf, path, checkpoint.Body.RootHash));
    }

    [Fact]
    public async Task ConsistencyProof_BetweenTwoCheckpoints_Verifies()
    {
        using var compliance = api.ClientAs(Roles.Compliance);
        await AppendAsync("consistency-1");
        var first = await PublishAsync(compliance);
        await AppendAsync("consistency-2");
        await AppendAsync("consistency-3");
        var second = await PublishAsync(compliance);

        var proof = await (await compliance.GetAsync(new Uri(
            $"/api/v1/audit/proofs/consistency?first={first.Body.TreeSize}&second={second.Body.TreeSize}", UriKind.Relative))).ReadJsonAsync();

        Assert.True(second.Body.TreeSize > first.Body.TreeSize);
        Assert.True(MerkleProofs.VerifyConsistency(
            first.Body.TreeSize, second.Body.TreeSize, first.Body.RootHash, second.Body.RootHash, Hashes(proof.GetProperty("proof"))));
    }

    [Fact]
    public async Task EntryDetail_CarriesItsInclusionProofAgainstTheLatestCheckpoint()
    {
        using var compliance = api.ClientAs(Roles.Compliance);
        var receipt = await AppendAsync("detail-probe");
        await PublishAsync(compliance);

        var body = await (await compliance.GetAsync(new Uri($"/api/v1/audit/entries/{receipt.Sequence}", UriKind.Relative))).ReadJsonAsync();

        var checkpoint = SignedCheckpoint.ParseNote(body.GetProperty("checkpoint").GetProperty("note").GetString()!);
        var inclusion = body.GetProperty("inclusion");
        var leaf = Convert.FromHexString(inclusion.GetProperty("leafHash").GetString()!);
        Assert.True(MerkleProofs.VerifyInclusion(receipt.Sequence - 1, checkpoint.Body.TreeSize, leaf, Hashes(inclusion.GetProperty("proof")), checkpoint.Body.RootHash));
    }

    [Fact]
    public async Task Verify_OnAnUntouchedLog_IsValidAndCoversTheAnchor()
    {
        using var compliance = api.ClientAs(Roles.Compliance);
        await AppendAsync("verify-probe");
        var checkpoint = await PublishAsync(compliance);

        var result = await (await compliance.GetAsync(new Uri("/api/v1/audit/verify", UriKind.Relative))).ReadJsonAsync();

        Assert.True(result.GetProperty("valid").GetBoolean(), result.GetRawText());
        Assert.True(result.GetProperty("anchoredTreeSize").GetInt64() >= checkpoint.Body.TreeSize);
        Assert.True(result.GetProperty("entriesChecked").GetInt64() >= checkpoint.Body.TreeSize);
    }

    [Theory]
    [InlineData("/api/v1/audit/proofs/inclusion?sequence=abc&tree_size=1")]
    [InlineData("/api/v1/audit/proofs/inclusion?sequence=0&tree_size=1")]
    [InlineData("/api/v1/audit/proofs/inclusion?sequence=1&tree_size=999999999")]
    [InlineData("/api/v1/audit/proofs/consistency?first=5&second=2")]
    [InlineData("/api/v1/audit/proofs/consistency?first=1")]
    public async Task ProofWithBadParameters_Returns400(string url)
    {
        using var compliance = api.ClientAs(Roles.Compliance);
        await AppendAsync("bad-proof-probe");

        using var response = await compliance.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/audit/verify")]
    [InlineData("/api/v1/audit/checkpoints/latest")]
    [InlineData("/api/v1/audit/proofs/consistency?first=1&second=1")]
    public async Task ComplianceEndpoints_RefuseTenants(string url)
    {
        using var tenant = api.ClientAs(Roles.Tenant, "acme");

        using var response = await tenant.GetAsync(new Uri(url, UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<AuditReceipt> AppendAsync(string actor, string tenant = "acme", string? subject = null) =>
        await api.Services.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEntry(Guid.NewGuid(), DateTimeOffset.UtcNow, "test.probe", AuditOutcome.Succeeded, 200, actor, "tenant", tenant,
                null, null, null, null, [], null, null, null)
            { DataSubject = subject },
            CancellationToken.None);

    private static async Task<SignedCheckpoint> PublishAsync(HttpClient compliance)
    {
        using var response = await compliance.PostAsync(new Uri("/api/v1/audit/checkpoints", UriKind.Relative), null);
        return SignedCheckpoint.ParseNote((await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("note").GetString()!);
    }

    // The key file holds the private key; its public half, named as the log is (the default origin).
    private NoteVerifier AuditKey() => NoteVerifiers.FromPem(File.ReadAllText(api.AuditKeyFile), "governance.local/audit");

    private static List<byte[]> Hashes(JsonElement array) => [.. array.EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!))];
}
