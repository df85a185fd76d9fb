using Npgsql;

namespace Governance.Testing;

/// <summary>
/// A governed answer leaves once its entry is durable; the Merkle log integrates it shortly after
/// (ADR-029). Tests that read the integrated view (audit_entries) wait here first: until the log holds
/// every sequence handed out when they asked, or fail after the timeout (30 s unless given).
/// </summary>
public static class AuditSettling
{
    public static async Task IntegratedAsync(NpgsqlConnection connection, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        long handedOut;
        await using (var counter = new NpgsqlCommand("SELECT last_sequence FROM audit_counter", connection))
        {
            handedOut = (long)(await counter.ExecuteScalarAsync())!;
        }

        await using var size = new NpgsqlCommand("SELECT coalesce(max(first_sequence + entry_count - 1), 0) FROM audit_log_runs", connection);
        while ((long)(await size.ExecuteScalarAsync())! < handedOut)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The audit log did not integrate sequence {handedOut} in time.");
            }

            await Task.Delay(10);
        }
    }
}
