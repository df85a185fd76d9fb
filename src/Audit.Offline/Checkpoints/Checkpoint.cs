namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// What a checkpoint commits to: the log's identity (<see cref="Origin"/>), its size and RFC 9162
/// root, and when it was taken. Timestamps are kept to whole microseconds (PostgreSQL's resolution)
/// so a body read back from the database or a note signs to the same bytes.
/// </summary>
public sealed record Checkpoint(string Origin, long TreeSize, byte[] RootHash, DateTimeOffset Timestamp);
