using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Audit;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Merkle;
using Governance.Domain.Auditing;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Governance.Api.Tests.Audit;

/// <summary>
/// What a third party checks with nothing but the published key: the key endpoints, a tenant's receipt
/// verified end to end with the database-free code, and a witness's cosignature taken in and published.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditKeysAndReceiptTests(ApiFactory api)
{
    private const string Origin = "governance.local/audit";

    [Fact]
    public async Task Keys_AreServedAnonymously_AtBothPaths_AsVerifierKeyAndPem()
    {
        using var anonymous = api.CreateClient();

        var keys = await (await anonymous.GetAsync(new Uri("/api/v1/audit/keys", UriKind.Relative))).ReadJsonAsync();
        using var wellKnown = await anonymous.GetAsync(new Uri("/.well-known/governance/audit-keys", UriKind.Relative));

        Assert.Equal(keys.GetRawText(), (await wellKnown.ReadJsonAsync()).GetRawText());
        Assert.Equal(Origin, keys.GetProperty("origin").GetString());
        var signing = keys.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("use").GetString() == "signing");
        Assert.Equal(Origin, signing.GetProperty("name").GetString());
        Assert.Equal("Ed25519", signing.GetProperty("algorithm").GetString());
        var fromText = NoteVerifiers.FromVerifierKey(signing.GetProperty("verifierKey").GetString()!);
        var fromPem = NoteVerifiers.FromPem(signing.GetProperty("publicKeyPem").GetString()!, Origin);
        var fromFile = NoteVerifiers.FromPem(File.ReadAllText(api.AuditKeyFile), Origin);
        Assert.Equal(fromFile.VerifierKey, fromText.VerifierKey);
        Assert.Equal(fromFile.VerifierKey, fromPem.VerifierKey);
        Assert.Equal(fromFile.KeyId, signing.GetProperty("keyId").GetString());
        var witness = keys.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("use").GetString() == "witness");
        Assert.Equal(ApiFactory.WitnessName, witness.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Tenant_VerifiesItsReceipt_WithThePublishedKeyAlone()
    {
        var receipt = await AppendAsync("acme");
        await PublishAsync();
        using var anonymous = api.CreateClient();
        var verifierKey = (await (await anonymous.GetAsync(new Uri("/api/v1/audit/keys", UriKind.Relative))).ReadJsonAsync())
            .GetProperty("keys")[0].GetProperty("verifierKey").GetString()!;
        using var tenant = api.ClientAs(Roles.Tenant, "acme");

        var proof = await (await tenant.GetAsync(new Uri($"/api/v1/audit/receipts/{receipt.Sequence}/proof", UriKind.Relative))).ReadJsonAsync();

        // Only the receipt, the pinned verifier key and the response: no database, no other endpoint.
        var checkpoint = SignedCheckpoint.ParseNote(proof.GetProperty("checkpoint").GetProperty("note").GetString()!);
        Assert.True(CheckpointVerifier.Verify(checkpoint, [NoteVerifiers.FromVerifierKey(verifierKey)], out var problem), problem);
        var inclusion = proof.GetProperty("inclusion");
        Assert.Equal(checkpoint.Body.TreeSize, inclusion.GetProperty("treeSize").GetInt64());
        Assert.Equal(receipt.EntryHash, proof.GetProperty("entryHash").GetString());
        var path = inclusion.GetProperty("proof").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList();
        Assert.True(MerkleProofs.VerifyInclusion(receipt.Sequence - 1, checkpoint.Body.TreeSize, Convert.FromHexString(receipt.EntryHash), path, checkpoint.Body.RootHash));
        Assert.False(MerkleProofs.VerifyInclusion(receipt.Sequence - 1, checkpoint.Body.TreeSize, MerkleHash.Leaf("forged"u8), path, checkpoint.Body.RootHash));
    }

    [Fact]
    public async Task AnotherTenantsEntry_IsTheSame404_AsOneThatDoesNotExist()
    {
        var receipt = await AppendAsync("acme");
        await PublishAsync();
        using var other = api.ClientAs(Roles.Tenant, "other");
        const long Missing = 999_999_999;

        var theirs = await (await other.GetAsync(new Uri($"/api/v1/audit/receipts/{receipt.Sequence}/proof", UriKind.Relative))).ReadJsonAsync(HttpStatusCode.NotFound);
        var missing = await (await other.GetAsync(new Uri($"/api/v1/audit/receipts/{Missing}/proof", UriKind.Relative))).ReadJsonAsync(HttpStatusCode.NotFound);

        Assert.Equal(Text(missing, "detail").Replace($"{Missing}", $"{receipt.Sequence}", StringComparison.Ordinal), Text(theirs, "detail"));
        Assert.Equal(Text(missing, "code"), Text(theirs, "code"));
        Assert.DoesNotContain(receipt.EntryHash, theirs.GetRawText(), StringComparison.Ordinal);
        // Compliance and admins read any entry, as they do through /api/v1/audit/entries/{sequence}.
        foreach (var role in new[] { Roles.Compliance, Roles.Admin })
        {
            using var platform = api.ClientAs(role);
            using var any = await platform.GetAsync(new Uri($"/api/v1/audit/receipts/{receipt.Sequence}/proof", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, any.StatusCode);
        }
    }

    [Fact]
    public async Task WitnessCosignature_IsVerified_Stored_AndPublishedUnderTheLogSignature()
    {
        await AppendAsync("acme");
        var checkpoint = await PublishAsync();
        using var compliance = api.ClientAs(Roles.Compliance);
        var uri = new Uri($"/api/v1/audit/checkpoints/{checkpoint.Body.TreeSize}/cosignatures", UriKind.Relative);
        var line = Cosign(checkpoint, api.Witness);

        var added = await (await compliance.PostAsJsonAsync(uri, new { signature = line.Line() })).ReadJsonAsync(HttpStatusCode.Created);

        var published = SignedCheckpoint.ParseNote(Text(added, "note"));
        Assert.Equal(2, published.Signatures.Count);
        Assert.Equal(ApiFactory.WitnessName, published.Signatures[1].KeyName);
        var witness = new CosignatureVerifier(ApiFactory.WitnessName, api.Witness.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        Assert.True(witness.Verify(published.SignedBytes(), published.Signatures[1]));
        Assert.True(CheckpointVerifier.Verify(published, [NoteVerifiers.FromPem(File.ReadAllText(api.AuditKeyFile), Origin)], out var problem), problem);
        var latest = await (await compliance.GetAsync(new Uri("/api/v1/audit/checkpoints/latest", UriKind.Relative))).ReadJsonAsync();
        if (latest.GetProperty("treeSize").GetInt64() == checkpoint.Body.TreeSize)
        {
            Assert.Equal(Text(added, "note"), Text(latest, "note"));
        }

        // Sent twice, it is still one line.
        var again = await (await compliance.PostAsJsonAsync(uri, new { signature = line.Line() })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(Text(added, "note"), Text(again, "note"));
    }

    [Fact]
    public async Task BadCosignatures_Are400_AndChangeNothing()
    {
        await AppendAsync("acme");
        var checkpoint = await PublishAsync();
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        var good = Cosign(checkpoint, api.Witness);
        var forged = good with { Signature = [.. good.Signature[..8], .. new byte[64]] };
        using var compliance = api.ClientAs(Roles.Compliance);
        var uri = new Uri($"/api/v1/audit/checkpoints/{checkpoint.Body.TreeSize}/cosignatures", UriKind.Relative);

        foreach (var signature in new[] { "not a line", Cosign(checkpoint, stranger).Line(), forged.Line(), "\u2014 x AAAA" })
        {
            var problem = await (await compliance.PostAsJsonAsync(uri, new { signature })).ReadJsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal("validation-failed", Text(problem, "code"));
        }

        using var missing = await compliance.PostAsJsonAsync(new Uri("/api/v1/audit/checkpoints/999999999/cosignatures", UriKind.Relative), new { signature = good.Line() });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        using var refused = await tenant.PostAsJsonAsync(uri, new { signature = good.Line() });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await api.ScalarAsync($"SELECT count(*) FROM audit_cosignatures WHERE tree_size = {checkpoint.Body.TreeSize}"));
    }

    // A witness per C2SP tlog-cosignature: timestamp, then Ed25519 over "cosignature/v1", the time and the body.
    private static NoteSignature Cosign(SignedCheckpoint checkpoint, Key witness)
    {
        var seconds = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = new byte[72];
        BinaryPrimitives.WriteUInt64BigEndian(signature, seconds);
        SignatureAlgorithm.Ed25519.Sign(witness, CosignatureVerifier.SignedMessage(seconds, checkpoint.SignedBytes()), signature.AsSpan(8));
        var verifier = new CosignatureVerifier(ApiFactory.WitnessName, witness.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        return new NoteSignature(ApiFactory.WitnessName, verifier.KeyHash, signature);
    }

    private static string Text(JsonElement json, string property) => json.GetProperty(property).GetString()!;

    private async Task<AuditReceipt> AppendAsync(string tenant) =>
        await api.Services.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEntry(Guid.NewGuid(), DateTimeOffset.UtcNow, "test.probe", AuditOutcome.Succeeded, 200, "receipt-probe", "tenant", tenant,
                null, null, null, null, [], null, null, null),
            CancellationToken.None);

    private async Task<SignedCheckpoint> PublishAsync()
    {
        using var compliance = api.ClientAs(Roles.Compliance);
        using var response = await compliance.PostAsync(new Uri("/api/v1/audit/checkpoints", UriKind.Relative), null);
        return SignedCheckpoint.ParseNote(Text(await response.ReadJsonAsync(HttpStatusCode.Created), "note"));
    }
}
