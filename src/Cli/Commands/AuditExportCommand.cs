using System.CommandLine;
using Governance.Audit.Exporting;
using Npgsql;

namespace Governance.Cli.Commands;

/// <summary>
/// `governance audit export [--from N] [--to M] --out FILE`: reads the log from the database (the
/// connection settings of `db migrate`) and writes a self-contained export for `audit verify`.
/// The range ends at the latest signed checkpoint at most.
/// </summary>
internal static class AuditExportCommand
{
    public static Command Create()
    {
        var from = new Option<long?>("--from") { Description = "First sequence to export (default 1)" };
        var to = new Option<long?>("--to") { Description = "Last sequence to export (default and at most: the latest checkpoint)" };
        var output = new Option<string>("--out") { Description = "The export file (JSON Lines) to write", Required = true };
        var command = new Command("export", "Export entries, the checkpoints covering them and the public key, for offline verification") { from, to, output };
        command.SetAction(async (parse, ct) =>
        {
            var options = CliSettings.Load();
            var connection = string.IsNullOrWhiteSpace(options.Database.OwnerConnectionString)
                ? options.Database.AppConnectionString
                : options.Database.OwnerConnectionString;
            if (string.IsNullOrWhiteSpace(connection))
            {
                await Console.Error.WriteLineAsync("No database connection string: run eng/postgres/up.sh or set GOVERNANCE_DB_OWNER.");
                return 2;
            }

            var path = Path.GetFullPath(parse.GetValue(output)!);
            var temp = path + ".partial";
            await using var dataSource = NpgsqlDataSource.Create(connection);
            try
            {
                ExportSummary summary;
                await using (var file = File.Create(temp))
                {
                    summary = await new DatabaseExporter(dataSource, TimeProvider.System).ExportAsync(file, parse.GetValue(from), parse.GetValue(to), ct);
                }

                File.Move(temp, path, overwrite: true);
                Console.WriteLine($"Exported entries {summary.First}..{summary.Last} ({summary.EntriesWritten} written) with {summary.Checkpoints} checkpoint(s), latest at {summary.LatestCheckpoint}, to {path}");
                return summary.EntriesWritten == summary.Last - summary.First + 1 ? 0 : 1;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException)
            {
                File.Delete(temp);
                await Console.Error.WriteLineAsync("Cannot export: " + ex.Message);
                return 2;
            }
        });
        return command;
    }
}
