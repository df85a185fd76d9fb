using Governance.Audit.Publishing;
using Governance.Audit.Sequencing;
using Microsoft.Extensions.Options;

namespace Governance.Api.Composition;

/// <summary>
/// Publishes a checkpoint every interval while there are new entries. Only the process leading the
/// sequencer does it on the timer (any process may still publish on demand).
/// </summary>
public sealed partial class CheckpointService(
    AuditSequencer sequencer, CheckpointPublisher publisher, IOptions<Configuration.GovernanceOptions> options, ILogger<CheckpointService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.Audit.CheckpointIntervalSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!sequencer.IsLeader)
            {
                continue;
            }

            try
            {
                await publisher.PublishAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or IOException or UnauthorizedAccessException)
            {
                Failed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Checkpoint could not be published; retried at the next interval")]
    private static partial void Failed(ILogger logger, Exception exception);
}
