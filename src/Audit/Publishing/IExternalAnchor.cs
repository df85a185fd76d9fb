using Governance.Audit.Offline.Checkpoints;

namespace Governance.Audit.Publishing;

/// <summary>
/// A place outside the database that keeps every published checkpoint, so rewriting the database
/// (even as its superuser) cannot rewrite history unnoticed. A directory by default; an object store
/// with retention locks or a witness fit the same interface.
/// </summary>
public interface IExternalAnchor
{
    Task PublishAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>The newest checkpoint the anchor holds, or null when it holds none.</summary>
    Task<SignedCheckpoint?> ReadLatestAsync(CancellationToken cancellationToken);
}
