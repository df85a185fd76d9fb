using Governance.Audit.Integrity;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit;

/// <summary>Recomputes the whole chain from the database rows and reports the first bad sequence.</summary>
public sealed class ChainVerifier(NpgsqlDataSource dataSource)
{
    public async Task<ChainVerificationResult> VerifyAsync(CancellationToken cancellationToken)
    {
        var walker = new ChainWalker();
        // One statement, so one snapshot: concurrent appends cannot make a consistent log look broken.
        await using var command = dataSource.CreateCommand(AuditRows.SelectColumns + " ORDER BY sequence");
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                StoredAuditEntry row;
                try
                {
                    row = AuditRows.Read(reader);
                }
                catch (Exception ex) when (ex is FormatException or InvalidCastException)
                {
                    walker.Reject(reader.GetInt64(0), "row is not a valid entry: " + ex.Message);
                    break;
                }

                if (!walker.Check(row.Sequence, row.Entry, row.Canonical, row.EntryHash, row.PreviousHash))
                {
                    break;
                }
            }
        }

        return walker.Result();
    }
}
