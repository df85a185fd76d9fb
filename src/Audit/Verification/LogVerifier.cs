using System.Data;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Publishing;
using Npgsql;

namespace Governance.Audit.Verification;

/// <summary>
/// Verifies the live database against the external anchor, in one snapshot: entries (fields, the
/// leaf written with each record and the leaf integrated for it, every run's root), every stored
/// tree node, every checkpoint (signature and root), and finally that the log extends the anchored
/// checkpoint. <paramref name="trusted"/> are the audit keys (the signing key and retired ones); lines
/// from other keys, such as witnesses' cosignatures, are ignored.
/// </summary>
public sealed class LogVerifier(NpgsqlDataSource dataSource, IReadOnlyCollection<NoteVerifier> trusted, IExternalAnchor anchor)
{
    public async Task<LogVerificationResult> VerifyAsync(CancellationToken ct)
    {
        SignedCheckpoint? anchored;
        try
        {
            anchored = await anchor.ReadLatestAsync(ct).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            return LogVerificationResult.Bad(0, 1, "the external anchor's latest checkpoint is unreadable: " + ex.Message);
        }

        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var checkpoints = await VerifierReads.CheckpointsAsync(connection, ct).ConfigureAwait(false);
                var sizes = new HashSet<long>(checkpoints.Select(c => c.TreeSize));
                if (anchored is not null)
                {
                    sizes.Add(anchored.Body.TreeSize);
                }

                var walk = await EntryWalk.RunAsync(connection, sizes, ct).ConfigureAwait(false);
                if (walk.Problem is not null)
                {
                    return LogVerificationResult.Bad(walk.Count, walk.FirstBad!.Value, walk.Problem);
                }

                var nodes = new TreeNodeCheck(walk.Leaves);
                if (!await VerifierReads.FeedNodesAsync(connection, nodes, ct).ConfigureAwait(false) || !nodes.Finish())
                {
                    return LogVerificationResult.Bad(walk.Count, nodes.FirstBadSequence!.Value, nodes.Problem!);
                }

                var n = walk.Count;
                var problem = CheckCheckpoints(checkpoints, walk.Roots, n) ?? CheckAnchor(anchored, checkpoints, walk.Roots, n);
                return problem is { } p
                    ? LogVerificationResult.Bad(n, p.FirstBad, p.Problem)
                    : new LogVerificationResult(n, Convert.ToHexStringLower(walk.Root), checkpoints.Count, anchored?.Body.TreeSize, null, null);
            }
        }
    }

    private (long FirstBad, string Problem)? CheckCheckpoints(List<StoredCheckpoint> checkpoints, Dictionary<long, byte[]> roots, long n)
    {
        foreach (var stored in checkpoints)
        {
            SignedCheckpoint parsed;
            try
            {
                parsed = SignedCheckpoint.ParseNote(stored.Note);
            }
            catch (FormatException ex)
            {
                return (Math.Min(stored.TreeSize, n + 1), $"checkpoint {stored.TreeSize} is not a valid note: {ex.Message}");
            }

            if (parsed.Body.TreeSize != stored.TreeSize || !parsed.Body.RootHash.AsSpan().SequenceEqual(stored.RootHash))
            {
                return (Math.Min(stored.TreeSize, n + 1), $"checkpoint {stored.TreeSize}: its columns differ from its signed note");
            }

            if (!CheckpointVerifier.Verify(parsed, trusted, out var why))
            {
                return (Math.Min(stored.TreeSize, n + 1), $"checkpoint {stored.TreeSize}: {why}");
            }

            if (stored.TreeSize > n)
            {
                return (n + 1, $"checkpoint {stored.TreeSize} covers entries {n + 1}..{stored.TreeSize}, which are missing");
            }

            if (!parsed.Body.RootHash.AsSpan().SequenceEqual(roots[stored.TreeSize]))
            {
                return (stored.TreeSize, $"checkpoint {stored.TreeSize} signs a root that the entries do not produce");
            }
        }

        return null;
    }

    private (long FirstBad, string Problem)? CheckAnchor(SignedCheckpoint? anchored, List<StoredCheckpoint> checkpoints, Dictionary<long, byte[]> roots, long n)
    {
        if (anchored is null)
        {
            return checkpoints.Count == 0 ? null : (1, "the database holds checkpoints but the external anchor holds none");
        }

        var size = anchored.Body.TreeSize;
        if (!CheckpointVerifier.Verify(anchored, trusted, out var why))
        {
            return (Math.Min(size, n + 1), "the anchored checkpoint does not verify: " + why);
        }

        if (size > n)
        {
            return (n + 1, $"the anchored checkpoint covers {size} entries but the log holds {n}: entries {n + 1}..{size} were removed");
        }

        if (!anchored.Body.RootHash.AsSpan().SequenceEqual(roots[size]))
        {
            // The log was rewritten consistently; the last stored checkpoint that still agrees bounds where.
            var lastGood = checkpoints.Where(c => c.TreeSize < size).Select(c => c.TreeSize).DefaultIfEmpty(0).Max();
            return (lastGood + 1, $"the log does not extend the anchored checkpoint {size}: it was rewritten after entry {lastGood}");
        }

        return null;
    }
}

internal sealed record StoredCheckpoint(long TreeSize, byte[] RootHash, string Note);
