using System.Text;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Export;
using Governance.Audit.Offline.Integrity;
using Governance.Audit.Offline.Merkle;
using Governance.Domain.Auditing;
using NSec.Cryptography;

namespace Governance.Audit.Testing.Export;

/// <summary>
/// An in-memory audit log (entries, canonical bytes, every perfect tree node) and a test signing key,
/// writing real exports with <see cref="AuditExportWriter"/>. Linked into the CLI tests too, so both
/// verify files made the same way; no database involved.
/// </summary>
internal sealed class ExportFixture : IDisposable
{
    public const string Origin = "test.governance.local/audit";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<NodeId, byte[]> _nodes = [];
    private readonly List<(AuditEntry Entry, byte[] Canonical, byte[] Leaf)> _log = [];

    /// <param name="entries">How many entries the log holds.</param>
    /// <param name="history">Another value gives another, equally well-formed history.</param>
    public ExportFixture(int entries, int history = 0)
    {
        var tree = new CompactMerkleTree();
        var completed = new List<MerkleNode>();
        for (var i = 1; i <= entries; i++)
        {
            var entry = EntryNumber(i, history);
            var canonical = AuditEntryEncoding.Encode(entry);
            var leaf = MerkleHash.Leaf(canonical);
            completed.Clear();
            tree.Append(leaf, completed);
            completed.ForEach(n => _nodes[n.Id] = n.Hash);
            _log.Add((entry, canonical, leaf));
        }
    }

    public Key Key { get; } = Key.Create(SignatureAlgorithm.Ed25519);

    public CheckpointSigner Signer => new(Key, Origin);

    public int Count => _log.Count;

    public static AuditEntry EntryNumber(int i, int history = 0) => new(
        RequestId: new Guid(i, 0x0a0b, 0x0c0d, [1, 2, 3, 4, 5, 6, 7, (byte)(i % 251)]),
        OccurredAt: Start.AddTicks(i * 12_340L),
        Action: i % 5 == 0 ? "model.register" : "inference.infer",
        Outcome: i % 7 == 0 ? AuditOutcome.Denied : AuditOutcome.Succeeded,
        StatusCode: i % 7 == 0 ? 403 : 200,
        ActorId: (history == 0 ? "client-" : $"client{history}-") + (i % 13),
        ActorRole: "tenant",
        TenantId: i % 3 == 0 ? null : "tenant-" + (i % 4),
        ModelName: "credit-risk",
        ModelVersion: "1",
        ModelDigest: new string('a', 64),
        ErrorCode: i % 7 == 0 ? "consent.missing" : null,
        RuleIds: i % 7 == 0 ? ["consent.required"] : [],
        InputDigest: new string('b', 64),
        OutputDigest: i % 7 == 0 ? null : new string('c', 64),
        TraceId: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
    {
        PolicyVersion = "v" + (1 + (i / 100)),
        Decision = i % 2 == 0 ? "{\"allow\":true,\"rules\":[\"license.active\"]}" : null,
        DataSubject = i % 11 == 0 ? "ds_" + i.ToString("x8", null) : null,
    };

    public byte[] RootAt(long size) => MerkleProofs.RootFromNodes(size, _nodes);

    public SignedCheckpoint CheckpointAt(long size, CheckpointSigner? signer = null) =>
        (signer ?? Signer).Sign(new Checkpoint(Origin, size, RootAt(size), Start.AddMinutes(size)));

    public IReadOnlyList<byte[]> Consistency(long size1, long size2) => MerkleProofs.BuildConsistency(size1, size2, _nodes);

    /// <summary>An export of sequences first..last with checkpoints at the given sizes and, optionally, a consistency proof from last to a newer size.</summary>
    public byte[] Export(long first, long last, IEnumerable<long> checkpoints, long? consistencyTo = null, CheckpointSigner? signer = null)
    {
        signer ??= Signer;
        using var output = new MemoryStream();
        using (var writer = new AuditExportWriter(output))
        {
            writer.WriteHeader(new ExportHeader(Origin, first, last, Start.AddDays(1), signer.PublicKeyPem, signer.KeyId));
            var prefix = new CompactMerkleTree();
            for (var i = 0; i < first - 1; i++)
            {
                prefix.Append(_log[i].Leaf);
            }

            writer.WritePrefix(prefix.Size, prefix.Frontier);
            foreach (var size in checkpoints)
            {
                writer.WriteCheckpoint(CheckpointAt(size, signer));
            }

            if (consistencyTo is { } to)
            {
                writer.WriteCheckpoint(CheckpointAt(to, signer));
                writer.WriteConsistency(last, to, Consistency(last, to));
            }

            for (var s = first; s <= last; s++)
            {
                var (entry, canonical, leaf) = _log[(int)s - 1];
                writer.WriteEntry(s, Start.AddSeconds(s), entry, canonical, leaf);
            }
        }

        return output.ToArray();
    }

    public List<string> Lines(long first, long last, IEnumerable<long> checkpoints, long? consistencyTo = null) =>
        [.. Encoding.UTF8.GetString(Export(first, last, checkpoints, consistencyTo)).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    public static byte[] Join(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");

    public void Dispose() => Key.Dispose();
}
