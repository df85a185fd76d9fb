using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Merkle;

namespace Governance.Audit.Offline.Export;

/// <summary>One verification run: the header, prefix and signed material; entries are in the other half.</summary>
internal sealed partial class ExportVerification(AuditExportReader reader, ExportVerificationOptions options)
{
    private readonly SortedDictionary<long, List<RootClaim>> _claims = [];
    private readonly List<ExportConsistency> _consistency = [];
    private readonly Dictionary<long, (byte[] Root, string Source)> _signed = [];
    private readonly List<long> _exportSigned = [];
    private string? _anchorUsed;
    private ExportHeader _header = null!;
    private IReadOnlyCollection<NoteVerifier> _keys = [];
    private ExportRecord? _next;
    private long _entries;
    private int _rootsMatched;

    public ExportVerificationResult Run()
    {
        ReadHeader();
        var prefix = ReadPrefix();
        ReadSignedMaterial();
        BuildClaims(prefix.TreeSize);
        var tree = CompactMerkleTree.FromFrontier(prefix.TreeSize, prefix.Frontier);
        var stated = CompactMerkleTree.FromFrontier(prefix.TreeSize, prefix.Frontier);
        CheckClaims(prefix.TreeSize, tree, stated, verifiedUpTo: prefix.TreeSize);
        VerifyEntries(tree, stated, prefix.TreeSize);
        var range = _header.LastSequence >= _header.FirstSequence ? $"entries {_header.FirstSequence}..{_header.LastSequence}" : "an empty range";
        return Result(ExportVerdict.Verified, $"Verified {range} ({_entries} entries) against {_rootsMatched} signed root(s), key {_header.KeyId}"
            + (_anchorUsed ?? (options.Anchor is { } a ? $", anchor at size {a.Body.TreeSize}" : "")) + ".");
    }

    public ExportVerificationResult Result(ExportVerdict verdict, string message) => new(verdict, message)
    {
        EntriesChecked = _entries,
        SignedRootsMatched = _rootsMatched,
        KeyId = _header?.KeyId,
        KeyFromExport = options.PinnedKeys is not { Count: > 0 },
    };

    private void ReadHeader()
    {
        if (ReadRecord(unreadable: true) is not ExportHeader header)
        {
            throw new VerificationStop("The file does not start with an audit export header.", verdict: ExportVerdict.Unreadable);
        }

        _header = header;
        if (header.FirstSequence < 1 || header.LastSequence < header.FirstSequence - 1)
        {
            throw new VerificationStop($"The header's range {header.FirstSequence}..{header.LastSequence} is not a range of sequences.", verdict: ExportVerdict.Unreadable);
        }

        NoteVerifier headerKey;
        try
        {
            headerKey = NoteVerifiers.FromPem(header.PublicKeyPem, header.Origin);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new VerificationStop("The header's public key is not an Ed25519 or ECDSA P-256 PEM key: " + e.Message, verdict: ExportVerdict.Unreadable);
        }

        if (headerKey.KeyId != header.KeyId)
        {
            throw new VerificationStop($"The header names key id {header.KeyId} but carries the key {headerKey.KeyId}.");
        }

        _keys = [headerKey];
        if (options.PinnedKeys is { Count: > 0 } texts)
        {
            var pinned = PinnedKeys(texts, header.Origin);
            // Pinned keys replace the header's: older checkpoints may carry a retired pinned key, the
            // newest must be signed with one of them.
            if (!pinned.Any(k => k.KeyId == header.KeyId))
            {
                throw new VerificationStop($"The export is signed with key {header.KeyId}, not with the pinned key {string.Join(" or ", pinned.Select(k => k.KeyId))}.");
            }

            _keys = pinned;
        }
    }

    private static List<NoteVerifier> PinnedKeys(IReadOnlyList<string> texts, string origin)
    {
        try
        {
            return [.. texts.Select(t => NoteVerifiers.Parse(t, origin))];
        }
        catch (FormatException e)
        {
            throw new VerificationStop("A pinned key is not a PEM key or a verifier key: " + e.Message, verdict: ExportVerdict.Unreadable);
        }
    }

    private ExportPrefix ReadPrefix()
    {
        if (ReadRecord() is not ExportPrefix prefix
            || prefix.TreeSize != _header.FirstSequence - 1
            || prefix.Frontier.Count != long.PopCount(prefix.TreeSize)
            || prefix.Frontier.Any(h => h.Length != MerkleHash.Size))
        {
            throw new VerificationStop($"The second line is not the prefix record for the tree of size {_header.FirstSequence - 1}.", _header.FirstSequence);
        }

        return prefix;
    }

    private void ReadSignedMaterial()
    {
        while ((_next = ReadRecord()) is ExportCheckpoint or ExportConsistency)
        {
            if (_next is ExportConsistency proof)
            {
                _consistency.Add(proof);
                continue;
            }

            var checkpoint = ((ExportCheckpoint)_next).Checkpoint;
            _exportSigned.Add(checkpoint.Body.TreeSize);
            AddSigned(checkpoint, $"checkpoint at size {checkpoint.Body.TreeSize} (line {reader.LineNumber})");
        }

        if (options.Anchor is { } anchor)
        {
            AddSigned(anchor, $"anchor at size {anchor.Body.TreeSize}");
        }
    }

    private void AddSigned(SignedCheckpoint checkpoint, string source)
    {
        if (!CheckpointVerifier.Verify(checkpoint, _keys, out var problem))
        {
            throw new VerificationStop($"The {source} does not verify: {problem}.");
        }

        if (checkpoint.Body.Origin != _header.Origin)
        {
            throw new VerificationStop($"The {source} is for the log '{checkpoint.Body.Origin}', not '{_header.Origin}'.");
        }

        var size = checkpoint.Body.TreeSize;
        if (_signed.TryGetValue(size, out var other) && !other.Root.AsSpan().SequenceEqual(checkpoint.Body.RootHash))
        {
            throw new VerificationStop($"The {source} and the {other.Source} sign different roots for the same size: the log forked.");
        }

        _signed[size] = (checkpoint.Body.RootHash, source);
    }

    private ExportRecord? ReadRecord(bool unreadable = false)
    {
        if (!reader.TryReadLine(out var line))
        {
            return null;
        }

        return ParseLine(line.Span, unreadable);
    }

    private ExportRecord ParseLine(ReadOnlySpan<byte> line, bool unreadable = false)
    {
        try
        {
            return reader.Parse(line);
        }
        catch (AuditExportFormatException e)
        {
            throw unreadable
                ? new VerificationStop(e.Message, verdict: ExportVerdict.Unreadable)
                : new VerificationStop("Malformed export " + e.Message + ".", _entries + _header.FirstSequence);
        }
    }
}
