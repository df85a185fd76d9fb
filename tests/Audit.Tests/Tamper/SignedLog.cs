using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Export;
using Governance.Audit.Publishing;
using Governance.Audit.Verification;
using Governance.Testing;
using Npgsql;
using NSec.Cryptography;

namespace Governance.Audit.Tests.Tamper;

/// <summary>
/// A populated log with signed checkpoints at 10 and 20 entries, anchored to a directory, a copy of
/// audit_records taken at 10 (for the restore attack), and between entries 10 and 11 a record id
/// that a rolled-back transaction took (a dead id, which no entry may use). Verifies it both ways.
/// </summary>
internal sealed class SignedLog : IAsyncDisposable
{
    private readonly string _anchorDirectory = Directory.CreateTempSubdirectory("governance-anchor-").FullName;

    private SignedLog(TestDatabase db)
    {
        Db = db;
        Anchor = new DirectoryAnchor(_anchorDirectory);
    }

    public TestDatabase Db { get; }

    public Key Key { get; } = Key.Create(SignatureAlgorithm.Ed25519);

    public CheckpointSigner Signer => new(Key, "test.local/audit");

    public DirectoryAnchor Anchor { get; }

    public static async Task<SignedLog> CreateAsync()
    {
        var log = new SignedLog(await TestDatabase.CreateAsync());
        var publisher = new CheckpointPublisher(new CheckpointStore(log.Db.AppDataSource), log.Signer, log.Anchor, TimeProvider.System, "test.local/audit");
        await using (var writer = await RunningAuditLog.StartAsync(log.Db.AppDataSource))
        {
            for (var i = 1; i <= 20; i++)
            {
                await writer.AppendAsync(SampleEntries.Create(i), CancellationToken.None);
                if (i == 10)
                {
                    await publisher.PublishAsync(CancellationToken.None);
                    await log.SqlAsync("CREATE TABLE audit_records_copy AS SELECT * FROM audit_records");
                    await using var connection = await log.Db.AppDataSource.OpenConnectionAsync();
                    await using var rolledBack = await connection.BeginTransactionAsync();
                    await writer.AppendInTransactionAsync(connection, rolledBack, SampleEntries.Create(99), CancellationToken.None);
                    await rolledBack.RollbackAsync();
                }
            }
        }

        await publisher.PublishAsync(CancellationToken.None);
        return log;
    }

    /// <summary>The record id of an entry (the attacker's view of the tables).</summary>
    public async Task<long> RecordIdAsync(long sequence)
    {
        await using var command = Db.AdminDataSource.CreateCommand("SELECT audit_record_id($1)");
        command.Parameters.Add(new() { Value = sequence });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs SQL as the superuser with triggers off (session_replication_role = replica), as an attacker with full access would.</summary>
    public async Task SqlAsync(string sql, params object[] parameters)
    {
        await using var connection = await Db.AdminDataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SET LOCAL session_replication_role = replica; " + sql, connection, transaction);
        if (parameters.Length > 0)
        {
            command.CommandText = sql;
            await using var replica = new NpgsqlCommand("SET LOCAL session_replication_role = replica", connection, transaction);
            await replica.ExecuteNonQueryAsync();
            foreach (var value in parameters)
            {
                command.Parameters.Add(new() { Value = value });
            }
        }

        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public Task<LogVerificationResult> VerifyOnlineAsync() => new LogVerifier(Db.AppDataSource, [Signer.Verifier], Anchor).VerifyAsync(CancellationToken.None);

    /// <summary>Exports the whole log (as the CLI does) and verifies the file offline with the anchor's checkpoint and the pinned key.</summary>
    public async Task<ExportVerificationResult> VerifyOfflineAsync()
    {
        using var file = new MemoryStream();
        await new DatabaseExporter(Db.AppDataSource, TimeProvider.System).ExportAsync(file, null, null, CancellationToken.None);
        file.Position = 0;
        var anchored = await Anchor.ReadLatestAsync(CancellationToken.None);
        return AuditExportVerifier.Verify(file, new ExportVerificationOptions { PinnedKeys = [Signer.PublicKeyPem], Anchor = anchored });
    }

    public async ValueTask DisposeAsync()
    {
        Key.Dispose();
        await Db.DisposeAsync();
        Directory.Delete(_anchorDirectory, recursive: true);
    }
}
