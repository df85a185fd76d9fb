namespace Governance.Audit;

public sealed record GroupCommitOptions
{
    /// <summary>Most entries staged by one transaction.</summary>
    public int MaxBatchSize { get; init; } = 512;

    /// <summary>Entries that may wait before AppendAsync itself waits for room (back-pressure).</summary>
    public int QueueCapacity { get; init; } = 16_384;

    /// <summary>Whether this log also runs a sequencer (leader or standby); off only for processes that must not.</summary>
    public bool RunSequencer { get; init; } = true;

    public SequencerOptions Sequencer { get; init; } = new();

    /// <summary>How long a caller waits for its staged entry to be integrated before failing closed.</summary>
    public TimeSpan IntegrationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often waiters look for entries integrated by a sequencer in another process.</summary>
    public TimeSpan IntegrationPollInterval { get; init; } = TimeSpan.FromMilliseconds(20);
}

public sealed record SequencerOptions
{
    /// <summary>Most staged entries integrated by one transaction.</summary>
    public int MaxBatchSize { get; init; } = 8192;

    /// <summary>How often the leader looks for staged entries when nothing in this process woke it.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often a standby tries to become the leader (and how long to back off after an error).</summary>
    public TimeSpan TakeoverInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
