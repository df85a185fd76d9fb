namespace Governance.Audit;

public sealed record GroupCommitOptions
{
    /// <summary>Most entries written by one transaction.</summary>
    public int MaxBatchSize { get; init; } = 512;

    /// <summary>Entries that may wait before AppendAsync itself waits for room (back-pressure).</summary>
    public int QueueCapacity { get; init; } = 16_384;

    public SequencerOptions Sequencer { get; init; } = new();

    /// <summary>How long a caller waits for its written entry to be integrated before failing closed.</summary>
    public TimeSpan IntegrationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a batch waits for the sequence counter, which another process's batch or a command's
    /// transaction holds until it commits; past it the batch fails closed (its callers get 503).
    /// </summary>
    public TimeSpan CounterLockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often waiters look for entries integrated by a sequencer in another process.</summary>
    public TimeSpan IntegrationPollInterval { get; init; } = TimeSpan.FromMilliseconds(20);
}

public sealed record SequencerOptions
{
    /// <summary>Most records integrated by one transaction.</summary>
    public int MaxBatchSize { get; init; } = 8192;

    /// <summary>How often the leader looks for new records when nothing in this process woke it.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// After integrating n records the leader pauses n times this before the next batch (at most
    /// <see cref="MaxPause"/>): under light load it goes again at once; under heavy load records
    /// gather into fewer, bigger transactions.
    /// </summary>
    public TimeSpan PausePerRecord { get; init; } = TimeSpan.FromMicroseconds(25);

    /// <summary>The longest pause between two batches while records keep arriving.</summary>
    public TimeSpan MaxPause { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often a standby tries to become the leader (and how long to back off after an error).</summary>
    public TimeSpan TakeoverInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
