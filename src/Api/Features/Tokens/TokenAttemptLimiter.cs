using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.Features.Tokens;

/// <summary>
/// Counts failed client authentications per client id and per source address, for every API process
/// of the deployment at once (table token_throttle, migration 0017; ADR-028). Past the limit within
/// the window the key is locked out, and each lock-out in a row doubles the wait. It is asked before
/// any secret is hashed, so a locked-out flood costs one primary-key read per call. Unknown client ids
/// are counted exactly like known ones: the throttle must not reveal which ids exist. When the state
/// cannot be read or written the Npgsql error propagates: the call is refused with 503 and Retry-After,
/// never let through unthrottled.
/// </summary>
public sealed class TokenAttemptLimiter(NpgsqlDataSource database, IOptions<TokenThrottleOptions> options, TimeProvider time)
{
    // One failure in this many also deletes idle keys; the per-source limit caps how fast one address adds keys.
    private const int SweepEvery = 1000;

    private long _failures;

    /// <summary>How long the caller must wait, or null when neither its client id nor its source is locked.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string? clientId, string source, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var command = database.CreateCommand(
            "SELECT max(locked_until) FROM token_throttle WHERE key = ANY($1) AND locked_until > $2");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = clientId is null ? [SourceKey(source)] : [ClientKey(clientId), SourceKey(source)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return await command.ExecuteScalarAsync(ct) is DateTime until ? new DateTimeOffset(until, TimeSpan.Zero) - now : null;
    }

    public async Task RecordFailureAsync(string? clientId, string source, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        // Client before source, always: concurrent failures lock the two rows in one order.
        await using var batch = database.CreateBatch();
        if (clientId is not null)
        {
            batch.BatchCommands.Add(Fail(ClientKey(clientId), o.MaxFailuresPerClient, o, now));
        }

        batch.BatchCommands.Add(Fail(SourceKey(source), o.MaxFailuresPerSource, o, now));
        if (Interlocked.Increment(ref _failures) % SweepEvery == 0)
        {
            var sweep = new NpgsqlBatchCommand("DELETE FROM token_throttle WHERE greatest(locked_until, last_seen) < $1");
            sweep.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now - TimeSpan.FromSeconds(Math.Max(o.WindowSeconds, o.MaxLockoutSeconds)) });
            batch.BatchCommands.Add(sweep);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The client proved its secret: its own count starts again (its source's does not).</summary>
    public async Task RecordSuccessAsync(string clientId, CancellationToken ct)
    {
        await using var command = database.CreateCommand("DELETE FROM token_throttle WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClientKey(clientId) });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Fail(string key, int limit, TokenThrottleOptions o, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand("SELECT token_throttle_fail($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = o.WindowSeconds });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = o.LockoutSeconds });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = o.MaxLockoutSeconds });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return command;
    }

    private static string ClientKey(string clientId) => "client\n" + clientId;

    private static string SourceKey(string source) => "source\n" + source;
}
