namespace Governance.Inference.Runtime;

/// <summary>A model version's session pool at one moment: for readiness, metadata and metrics.</summary>
public sealed record SessionPoolState(int Size, int InUse, int PeakInUse, int Waiting, int MaxQueue);

/// <summary>How many calls may queue for a session, and for how long.</summary>
internal sealed record SessionPoolLimits(int MaxQueue, TimeSpan QueueTimeout);
