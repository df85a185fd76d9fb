using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Merkle;
using Governance.Domain.Auditing;

namespace Governance.Audit.Offline.Export;

/// <summary>
/// Writes an export, one JSON object per line, and enforces the file order (header, prefix,
/// checkpoints and consistency proofs, entries in gap-free ascending order), so a writer bug
/// shows up as an exception here rather than as a "tampered" verdict later.
/// </summary>
public sealed class AuditExportWriter(Stream output) : IDisposable, IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    // Relaxed escaping: the file is never embedded in HTML, and a PEM key or a note should read as itself.
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private Stage _stage = Stage.Header;
    private ExportHeader? _header;
    private long _nextSequence;

    private enum Stage
    {
        Header,
        Prefix,
        Proofs,
        Entries,
    }

    public void WriteHeader(ExportHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Expect(Stage.Header);
        if (header.FirstSequence < 1 || header.LastSequence < header.FirstSequence - 1)
        {
            throw new ArgumentException("An export covers sequences first..last with 1 <= first <= last + 1.", nameof(header));
        }

        Write(new ExportLine
        {
            Type = "header",
            Format = ExportHeader.FormatId,
            Version = ExportHeader.CurrentVersion,
            Origin = header.Origin,
            FirstSequence = header.FirstSequence,
            LastSequence = header.LastSequence,
            ExportedAt = header.ExportedAt.ToUniversalTime(),
            PublicKeyPem = header.PublicKeyPem,
            KeyId = header.KeyId,
        });
        _header = header;
        _nextSequence = header.FirstSequence;
        _stage = Stage.Prefix;
    }

    /// <summary>The tree of size first - 1: <see cref="CompactMerkleTree.Frontier"/> after the entries before the export.</summary>
    public void WritePrefix(long treeSize, IReadOnlyList<byte[]> frontier)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        Expect(Stage.Prefix);
        if (treeSize != _header!.FirstSequence - 1 || frontier.Count != long.PopCount(treeSize))
        {
            throw new ArgumentException($"The prefix is the tree of size {_header.FirstSequence - 1} and its {long.PopCount(treeSize)} frontier hashes.");
        }

        Write(new ExportLine { Type = "prefix", TreeSize = treeSize, Frontier = [.. frontier] });
        _stage = Stage.Proofs;
    }

    public void WriteCheckpoint(SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Expect(Stage.Proofs);
        Write(new ExportLine { Type = "checkpoint", Note = checkpoint.ToNote() });
    }

    public void WriteConsistency(long fromSize, long toSize, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        Expect(Stage.Proofs);
        Write(new ExportLine { Type = "consistency", FromSize = fromSize, ToSize = toSize, Proof = [.. proof] });
    }

    /// <summary>
    /// One entry: <paramref name="entry"/> as the log's columns hold it, <paramref name="canonical"/> as
    /// stored, and <paramref name="leafHash"/> as the tree stores it (so a verifier can tell which entry
    /// was altered when the tree's own hashes were left alone).
    /// </summary>
    public void WriteEntry(long sequence, DateTimeOffset committedAt, AuditEntry entry, ReadOnlySpan<byte> canonical, ReadOnlySpan<byte> leafHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_stage == Stage.Proofs)
        {
            _stage = Stage.Entries;
        }

        Expect(Stage.Entries);
        if (sequence != _nextSequence || sequence > _header!.LastSequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"The next entry of this export is sequence {_nextSequence}, up to {_header!.LastSequence}.");
        }

        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash is {MerkleHash.Size} bytes.", nameof(leafHash));
        }

        Write(new ExportLine
        {
            Type = "entry",
            Sequence = sequence,
            CommittedAt = committedAt.ToUniversalTime(),
            LeafHash = leafHash.ToArray(),
            Canonical = canonical.ToArray(),
            Entry = ExportFieldMapping.ToFields(entry),
        });
        _nextSequence++;
    }

    public void Flush() => _json.Flush();

    public Task FlushAsync(CancellationToken cancellationToken = default) => _json.FlushAsync(cancellationToken);

    public void Dispose()
    {
        _json.Flush();
        _json.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _json.FlushAsync().ConfigureAwait(false);
        await _json.DisposeAsync().ConfigureAwait(false);
    }

    private void Write(ExportLine line)
    {
        JsonSerializer.Serialize(_json, line, ExportJsonContext.Default.ExportLine);
        _json.Flush();
        _json.Reset();
        output.Write(NewLine);
    }

    private void Expect(Stage stage)
    {
        if (_stage != stage)
        {
            throw new InvalidOperationException($"An export writes header, prefix, checkpoints and proofs, then entries; {stage} is out of order here (at {_stage}).");
        }
    }
}
