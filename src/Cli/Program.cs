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
};
return await root.Parse(args).InvokeAsync();
