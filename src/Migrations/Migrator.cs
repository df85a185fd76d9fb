using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Governance.Migrations;

/// <summary>
/// Applies db/migrations in order, each in its own transaction with its schema_migrations row.
/// Run it as the owner role. Safe when several processes start at once: they queue on a session
/// advisory lock and the later ones find nothing left to apply.
/// </summary>
public sealed class Migrator
{
    /// <summary>"gov_migr" as a big-endian int64; distinct from the audit sequencer's lock.</summary>
    public const long LockKey = 0x676F765F6D696772;

    private readonly NpgsqlDataSource _ownerDataSource;
    private readonly IReadOnlyList<MigrationScript> _scripts;
    private readonly ILogger _logger;

    /// <summary>Applies the migrations embedded in this assembly.</summary>
    public Migrator(NpgsqlDataSource ownerDataSource, ILogger<Migrator>? logger = null)
        : this(ownerDataSource, MigrationScript.LoadEmbedded(), logger)
    {
    }

    /// <summary>Applies an explicit list (tests, tools).</summary>
    public Migrator(NpgsqlDataSource ownerDataSource, IEnumerable<MigrationScript> scripts, ILogger<Migrator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(ownerDataSource);
        ArgumentNullException.ThrowIfNull(scripts);
        _ownerDataSource = ownerDataSource;
        _scripts = [.. scripts.OrderBy(s => s.Version)];
        _logger = logger ?? NullLogger<Migrator>.Instance;
        var duplicate = _scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Migrations {string.Join(", ", duplicate.Select(s => s.Name))} share version {duplicate.Key}.", nameof(scripts));
        }
    }

    public IReadOnlyList<MigrationScript> Scripts => _scripts;

    /// <summary>Applies what is pending; returns the file names applied by this call, in order.</summary>
    /// <exception cref="MigrationChecksumMismatchException">An applied file was edited.</exception>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken)
    {
        var connection = await _ownerDataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await MigrationHistory.ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", LockKey, cancellationToken).ConfigureAwait(false);
            try
            {
                await MigrationHistory.EnsureTableAsync(connection, cancellationToken).ConfigureAwait(false);
                var applied = await MigrationHistory.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
                var pending = CheckHistory(applied);
                var names = new List<string>(pending.Count);
                foreach (var script in pending)
                {
                    await MigrationHistory.ApplyAsync(connection, script, cancellationToken).ConfigureAwait(false);
                    MigratorLog.Applied(_logger, script.Name);
                    names.Add(script.Name);
                }

                if (names.Count == 0)
                {
                    MigratorLog.UpToDate(_logger, applied.Count);
                }

                return names;
            }
            finally
            {
                await MigrationHistory.UnlockAsync(connection, LockKey).ConfigureAwait(false);
            }
        }
    }

    private List<MigrationScript> CheckHistory(Dictionary<int, (string Name, string Checksum)> applied)
    {
        foreach (var (version, row) in applied)
        {
            var script = _scripts.FirstOrDefault(s => s.Version == version);
            if (script is null)
            {
                MigratorLog.UnknownApplied(_logger, version, row.Name);
            }
            else if (script.Checksum != row.Checksum || script.Name != row.Name)
            {
                throw new MigrationChecksumMismatchException(script.Name, row.Name, row.Checksum, script.Checksum);
            }
        }

        return [.. _scripts.Where(s => !applied.ContainsKey(s.Version))];
    }
}
