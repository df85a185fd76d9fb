using Governance.Domain.Auditing;

namespace Governance.Audit.Integrity;

/// <summary>
/// Checks entries one by one, in sequence order, against the chain rules: contiguous sequences
/// from 1, previous hash = the prior entry's hash, canonical bytes = the re-encoded fields,
/// entry hash = SHA-256(previous || canonical). No I/O, so it also serves offline exports.
/// </summary>
public sealed class ChainWalker
{
    private long _lastSequence;
    private byte[] _lastHash = AuditEntryEncoding.GenesisHash.ToArray();

    public long EntriesChecked { get; private set; }

    public long? FirstBadSequence { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Checks the next entry; returns false (and stops checking) at the first problem.</summary>
    public bool Check(long sequence, AuditEntry entry, ReadOnlySpan<byte> canonical, ReadOnlySpan<byte> entryHash, ReadOnlySpan<byte> previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (FirstBadSequence is not null)
        {
            return false;
        }

        var expected = _lastSequence + 1;
        var problem =
            sequence != expected ? $"expected sequence {expected}, found {sequence} (entries missing or reordered)"
            : !previousHash.SequenceEqual(_lastHash) ? "previous_hash does not match the prior entry's hash"
            : !canonical.SequenceEqual(AuditEntryEncoding.Encode(entry)) ? "stored fields do not match the hashed canonical bytes"
            : !entryHash.SequenceEqual(AuditEntryEncoding.ComputeEntryHash(previousHash, canonical)) ? "entry_hash does not match SHA-256(previous_hash || canonical)"
            : null;
        if (problem is not null)
        {
            FirstBadSequence = Math.Min(sequence, expected);
            Problem = problem;
            return false;
        }

        _lastSequence = sequence;
        _lastHash = entryHash.ToArray();
        EntriesChecked++;
        return true;
    }

    /// <summary>Records a row that could not even be read back as an entry (e.g. a forged outcome code).</summary>
    public void Reject(long sequence, string problem)
    {
        if (FirstBadSequence is null)
        {
            FirstBadSequence = Math.Min(sequence, _lastSequence + 1);
            Problem = problem;
        }
    }

    public ChainVerificationResult Result() =>
        new(EntriesChecked, _lastSequence, EntriesChecked == 0 ? null : Convert.ToHexStringLower(_lastHash), FirstBadSequence, Problem);
}
