using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Integrity;
using Governance.Audit.Offline.Merkle;

namespace Governance.Audit.Offline.Export;

/// <summary>
/// The entries half. Two trees grow side by side: one over leaves recomputed from the canonical
/// bytes, one over the leaf hashes the log stored. A signed root tells which one is authentic, and
/// so which entry was altered: the first whose two leaves differ when the stored tree verifies,
/// otherwise only the range since the last verified root can be named.
/// </summary>
internal sealed partial class ExportVerification
{
    private const int ProgressEvery = 8192;

    private long? _firstLeafMismatch;

    private void BuildClaims(long prefixSize)
    {
        var connected = new HashSet<long>();
        foreach (var proof in _consistency)
        {
            if (proof.FromSize < prefixSize || proof.FromSize > _header.LastSequence || !_signed.TryGetValue(proof.ToSize, out var to) || proof.ToSize <= proof.FromSize)
            {
                throw new VerificationStop($"The consistency proof {proof.FromSize} -> {proof.ToSize} does not start inside the export or does not end at a signed checkpoint.");
            }

            Claim(proof.FromSize, new RootClaim($"consistency proof to the {to.Source}", to.Root, proof.ToSize, proof.Proof));
            connected.Add(proof.ToSize);
        }

        foreach (var (size, (root, source)) in _signed)
        {
            if (size < prefixSize)
            {
                throw new VerificationStop($"The {source} cannot be checked: it is older than the export, which starts after size {prefixSize}; export from sequence {size + 1} or earlier.");
            }

            if (size <= _header.LastSequence)
            {
                Claim(size, new RootClaim(source, root, size, Proof: null));
            }
            else if (!connected.Contains(size))
            {
                // An honest export never carries a newer checkpoint without its proof: entries it signs were cut off.
                var isAnchor = source.StartsWith("anchor", StringComparison.Ordinal);
                if (isAnchor && AnchoredEarlier(connected) is { } earlier)
                {
                    _anchorUsed = $", anchor's checkpoint at size {earlier} (its latest, size {size}, is newer than the export)";
                    continue;
                }

                throw isAnchor
                    ? new VerificationStop($"The {source} cannot be checked: the export ends at sequence {_header.LastSequence} and carries no consistency proof to size {size}.")
                    : new VerificationStop($"The export ends at sequence {_header.LastSequence}, yet its {source} has no consistency proof: entries {_header.LastSequence + 1}..{size} were cut off or the proof removed.", _header.LastSequence + 1);
            }
        }
    }

    // The anchor moved on past the export: the same anchor holds every checkpoint it was given, so its
    // copy of the export's newest signed size (or an older one) must sign the root the export signs.
    private long? AnchoredEarlier(HashSet<long> connected)
    {
        if (options.AnchoredAt is not { } lookup)
        {
            return null;
        }

        foreach (var size in _exportSigned.Where(s => s <= _header.LastSequence || connected.Contains(s)).OrderDescending())
        {
            SignedCheckpoint? anchored;
            try
            {
                anchored = lookup(size);
            }
            catch (FormatException e)
            {
                throw new VerificationStop($"The anchor's checkpoint at size {size} is unreadable: {e.Message}");
            }

            if (anchored is null)
            {
                continue;
            }

            AddSigned(anchored, $"anchor's checkpoint at size {size}");
            return size;
        }

        return null;
    }

    private void Claim(long size, RootClaim claim)
    {
        if (!_claims.TryGetValue(size, out var list))
        {
            _claims[size] = list = [];
        }

        list.Add(claim);
    }

    private void VerifyEntries(CompactMerkleTree tree, CompactMerkleTree stated, long verifiedUpTo)
    {
        var expected = _header.FirstSequence;
        Span<byte> leaf = stackalloc byte[MerkleHash.Size];
        Span<byte> storedLeaf = stackalloc byte[MerkleHash.Size];
        var buffer = new byte[4096];
        var record = _next;
        while (true)
        {
            long sequence;
            ReadOnlySpan<byte> canonical;
            if (record is null)
            {
                if (!reader.TryReadLine(out var line))
                {
                    break;
                }

                if (!EntryLineScanner.TryScan(line.Span, ref buffer, out var length, out sequence, storedLeaf))
                {
                    record = ParseLine(line.Span);
                    continue;
                }

                CheckPosition(sequence, expected);
                canonical = buffer.AsSpan(0, length);
            }
            else
            {
                var entry = record as ExportEntry ?? throw new VerificationStop($"Line {reader.LineNumber}: a {record.GetType().Name} record after the entries began.", expected);
                CheckPosition(entry.Sequence, expected);
                CheckFields(entry);
                sequence = entry.Sequence;
                canonical = entry.Canonical;
                entry.LeafHash.CopyTo(storedLeaf);
                record = null;
            }

            MerkleHash.Leaf(canonical, leaf);
            if (!leaf.SequenceEqual(storedLeaf))
            {
                _firstLeafMismatch ??= sequence;
            }

            tree.Append(leaf);
            stated.Append(storedLeaf);
            _entries++;
            if (_claims.ContainsKey(sequence))
            {
                verifiedUpTo = CheckClaims(sequence, tree, stated, verifiedUpTo);
            }

            if (_entries % ProgressEvery == 0)
            {
                options.Progress?.Report(reader.Position);
            }

            expected++;
        }

        options.Progress?.Report(reader.Position);
        Finish(expected, verifiedUpTo);
    }

    private void CheckPosition(long sequence, long expected)
    {
        if (sequence == expected && sequence <= _header.LastSequence)
        {
            return;
        }

        throw sequence > _header.LastSequence && expected > _header.LastSequence
            ? new VerificationStop($"Entry {sequence} (line {reader.LineNumber}) lies beyond the export's last sequence {_header.LastSequence}.", sequence)
            : sequence > expected
                ? new VerificationStop($"Entry {expected} is missing: line {reader.LineNumber} holds entry {sequence} where {expected} belongs.", expected)
                : new VerificationStop($"Entry {sequence} appears again or out of order at line {reader.LineNumber}, where entry {expected} belongs.", sequence);
    }

    private static void CheckFields(ExportEntry entry)
    {
        if (entry.LeafHash.Length != MerkleHash.Size)
        {
            throw new VerificationStop($"Entry {entry.Sequence}: the leaf hash is not {MerkleHash.Size} bytes.", entry.Sequence);
        }

        Domain.Auditing.AuditEntry hashed;
        try
        {
            hashed = AuditEntryEncoding.Decode(entry.Canonical);
        }
        catch (FormatException e)
        {
            throw new VerificationStop($"Entry {entry.Sequence}: the canonical bytes do not decode ({e.Message}).", entry.Sequence);
        }

        if (ExportFieldMapping.FirstDifference(entry.Entry, hashed) is { } difference)
        {
            throw new VerificationStop($"Entry {entry.Sequence}: {difference}.", entry.Sequence);
        }
    }

    private long CheckClaims(long size, CompactMerkleTree tree, CompactMerkleTree stated, long verifiedUpTo)
    {
        if (!_claims.TryGetValue(size, out var claims))
        {
            return verifiedUpTo;
        }

        var recomputed = tree.Root();
        var storedRoot = stated.Root();
        var authentic = claims.Find(c => c.HoldsFor(size, recomputed));
        if (authentic is not null)
        {
            if (claims.Find(c => !c.HoldsFor(size, recomputed)) is { } bad)
            {
                throw new VerificationStop($"The {bad.Source} does not verify against the tree of size {size}, which the {authentic.Source} confirms.");
            }

            if (_firstLeafMismatch is { } altered)
            {
                throw new VerificationStop($"Entry {altered}: the stored leaf hash was altered (the entry's bytes match the {authentic.Source}).", altered);
            }

            _rootsMatched += claims.Count;
            return size;
        }

        if (_firstLeafMismatch is { } changed && claims.Exists(c => c.HoldsFor(size, storedRoot)))
        {
            throw new VerificationStop($"Entry {changed}: its bytes do not hash to the leaf that the {claims[0].Source} signs; the entry was altered.", changed);
        }

        if (size == verifiedUpTo)
        {
            throw new VerificationStop($"The prefix record does not reproduce the root of the {claims[0].Source}.", size + 1);
        }

        throw new VerificationStop(
            $"Entries {verifiedUpTo + 1}..{size} do not reproduce the root of the {claims[0].Source}: one of them was altered, removed, inserted or reordered "
            + "(the stored leaf hashes were rewritten too, so the first altered entry cannot be pinned down further).", verifiedUpTo + 1);
    }

    private void Finish(long expected, long verifiedUpTo)
    {
        if (_firstLeafMismatch is { } mismatch)
        {
            throw new VerificationStop($"Entry {mismatch}: its bytes do not hash to its stored leaf hash, and no signed root after it tells which was altered.", mismatch);
        }

        if (expected <= _header.LastSequence)
        {
            throw new VerificationStop($"Entries {expected}..{_header.LastSequence} are missing: the file ends at line {reader.LineNumber}.", expected);
        }

        if (verifiedUpTo < _header.LastSequence)
        {
            throw new VerificationStop(
                $"Entries {verifiedUpTo + 1}..{_header.LastSequence} are not covered by any signed checkpoint in the export (export again after a checkpoint, or with a consistency proof to a newer one).",
                verifiedUpTo + 1);
        }
    }
}
