using Governance.Audit.Offline.Checkpoints;

namespace Governance.Audit.Publishing;

/// <summary>
/// Signs the newest tree head, stores the checkpoint, then writes it to the external anchor. Any
/// process may publish: checkpoints are keyed by tree size, so two publishing the same head agree.
/// </summary>
public sealed class CheckpointPublisher(CheckpointStore store, CheckpointSigner signer, IExternalAnchor anchor, TimeProvider time, string origin)
{
    public string Origin { get; } = origin;

    public string PublicKeyPem => signer.PublicKeyPem;

    /// <summary>
    /// Publishes a checkpoint of the newest tree head unless the newest checkpoint already covers
    /// it. Returns the checkpoint now covering the head (null when the log is empty).
    /// </summary>
    public async Task<SignedCheckpoint?> PublishAsync(CancellationToken ct)
    {
        var head = await store.LatestHeadAsync(ct).ConfigureAwait(false);
        var latest = await store.LatestAsync(ct).ConfigureAwait(false);
        if (head is not { } h || (latest is not null && latest.Body.TreeSize >= h.TreeSize))
        {
            var anchored = await anchor.ReadLatestAsync(ct).ConfigureAwait(false);
            if (latest is not null && (anchored is null || anchored.Body.TreeSize < latest.Body.TreeSize))
            {
                // Heals an anchor write that failed after the insert.
                await anchor.PublishAsync(latest, ct).ConfigureAwait(false);
            }

            return latest;
        }

        await store.AddKeyAsync(signer.KeyId, signer.PublicKeyPem, ct).ConfigureAwait(false);
        var signed = signer.Sign(new Checkpoint(Origin, h.TreeSize, h.RootHash, time.GetUtcNow()));
        var stored = await store.AddAsync(signed, signer.KeyId, ct).ConfigureAwait(false);
        await anchor.PublishAsync(stored, ct).ConfigureAwait(false);
        return stored;
    }
}
