using System.Globalization;
using System.Security.Cryptography;
using Governance.Audit.Checkpoints;
using Governance.Audit.Export;
using Governance.Audit.Integrity;
using Governance.Audit.Merkle;
using Governance.Domain.Auditing;

namespace Governance.Benchmarks;

/// <summary>
/// `write-audit-export --entries N --out FILE [--checkpoint-every K]`: a synthetic, deterministic
/// export of N entries with a signed checkpoint every K entries and at N, for timing
/// `governance audit verify` (bench/audit-verify.sh). Also writes FILE.pub.pem (the key) and
/// FILE.checkpoint (the newest checkpoint, as an external anchor). Two passes: roots first, since
/// checkpoints precede the entries in the file.
/// </summary>
internal static class MerkleExportGenerator
{
    private const string Origin = "bench.governance.local/audit";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var entries = long.Parse(Arg(args, "--entries", "1000000"), CultureInfo.InvariantCulture);
        var every = long.Parse(Arg(args, "--checkpoint-every", "10000"), CultureInfo.InvariantCulture);
        var path = Arg(args, "--out", "audit-export.jsonl");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new CheckpointSigner(key);

        var checkpoints = new List<SignedCheckpoint>();
        var tree = new CompactMerkleTree();
        for (var s = 1L; s <= entries; s++)
        {
            tree.Append(MerkleHash.Leaf(AuditEntryEncoding.Encode(Entry(s))));
            if (s % every == 0 || s == entries)
            {
                checkpoints.Add(signer.Sign(new Checkpoint(Origin, s, tree.Root(), Start.AddSeconds(s / 1000.0))));
            }
        }

        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var writer = new AuditExportWriter(file))
        {
            writer.WriteHeader(new ExportHeader(Origin, 1, entries, Start.AddDays(1), signer.PublicKeyPem, signer.KeyId));
            writer.WritePrefix(0, []);
            checkpoints.ForEach(writer.WriteCheckpoint);
            for (var s = 1L; s <= entries; s++)
            {
                var entry = Entry(s);
                var canonical = AuditEntryEncoding.Encode(entry);
                writer.WriteEntry(s, Start.AddSeconds(s / 1000.0), entry, canonical, MerkleHash.Leaf(canonical));
            }
        }

        File.WriteAllText(path + ".pub.pem", signer.PublicKeyPem);
        File.WriteAllText(path + ".checkpoint", checkpoints[^1].ToNote());
        Console.WriteLine($"Wrote {entries} entries, {checkpoints.Count} checkpoints, {new FileInfo(path).Length / (1 << 20)} MiB to {path}");
        return 0;
    }

    /// <summary>A governed inference call as the API records it: digests, rules, a decision, a data subject on some.</summary>
    private static AuditEntry Entry(long s) => new(
        new Guid((int)s, (short)(s >> 32), 0x7abc, [0x9d, 0x2e, 0x4f, 0x6a, 0x8b, 0x0c, 0x1d, (byte)s]),
        Start.AddTicks(s * 10_000),
        s % 10 == 0 ? "model.explain" : "inference.infer",
        s % 17 == 0 ? AuditOutcome.Denied : AuditOutcome.Succeeded,
        s % 17 == 0 ? 403 : 200,
        "client-" + (s % 97).ToString(CultureInfo.InvariantCulture),
        "tenant",
        "tenant-" + (s % 7).ToString(CultureInfo.InvariantCulture),
        "credit-risk",
        "3",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        s % 17 == 0 ? "policy.consent.missing" : null,
        s % 17 == 0 ? ["policy.consent.required"] : ["policy.license.active", "policy.consent.granted"],
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        s % 17 == 0 ? null : "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
    {
        PolicyVersion = "2026-11-30.1",
        Decision = s % 17 == 0
            ? "{\"allow\":false,\"context\":{\"consent\":\"missing\",\"purpose\":\"credit\"},\"rule\":\"policy.consent.required\"}"
            : "{\"allow\":true,\"context\":{\"consent\":\"granted\",\"purpose\":\"credit\"},\"rule\":\"policy.license.active\"}",
        DataSubject = s % 3 == 0 ? "ds_" + (s * 2654435761 % 1_000_003).ToString("x8", CultureInfo.InvariantCulture) : null,
    };

    private static string Arg(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
