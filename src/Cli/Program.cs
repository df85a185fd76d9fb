using System.CommandLine;
using Governance.Cli.Commands;

var root = new RootCommand("governance: the command line of the Governance platform (tokens, database, demo data, models, PII, policies).")
{
    TokenCommand.Create(),
    DatabaseCommand.Create(),
    DemoCommand.Create(),
    ModelCommand.Create(),
    PiiCommand.Create(),
    PolicyCommand.Create(),
    AuditCommand.Create(),
};
var parse = root.Parse(args);

// `audit verify` keeps exit 1 for "does not verify", so its usage errors exit 2.
return AuditVerifyCommand.IsRejectedUsage(parse) ? AuditVerifyCommand.UsageError(string.Join(Environment.NewLine, parse.Errors.Select(e => e.Message))) : await parse.InvokeAsync();
