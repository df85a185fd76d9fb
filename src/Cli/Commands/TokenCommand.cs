using System.CommandLine;
using Governance.Installation.Security;

namespace Governance.Cli.Commands;

/// <summary>`governance token`: a signed access token for the local install (dev and operators).</summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "admin, compliance or tenant", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var tenant = new Option<string?>("--tenant") { Description = "Tenant id (required for --role tenant)" };
        var subject = new Option<string?>("--subject") { Description = "Subject (defaults to cli:<role>)" };
        var minutes = new Option<int>("--minutes") { Description = "Lifetime in minutes (1-1440)", DefaultValueFactory = _ => 60 };
        minutes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 24 * 60)
            {
                r.AddError("--minutes must be between 1 and 1440");
            }
        });
        var command = new Command("token", "Print an access token signed with this install's key") { role, tenant, subject, minutes };
        command.SetAction(parse =>
        {
            var r = parse.GetValue(role)!;
            var t = parse.GetValue(tenant);
            if (r == Roles.Tenant && string.IsNullOrWhiteSpace(t))
            {
                Console.Error.WriteLine("--tenant is required with --role tenant");
                return 2;
            }

            Console.WriteLine(Issue(parse.GetValue(subject) ?? $"cli:{r}", r, r == Roles.Tenant ? t : null, TimeSpan.FromMinutes(parse.GetValue(minutes))));
            return 0;
        });
        return command;
    }

    public static string Issue(string subject, string role, string? tenant, TimeSpan lifetime)
    {
        var options = CliSettings.Load();
        var keys = SigningKeyStore.LoadOrCreate(options.Auth.SigningKeyFile);
        return new TokenIssuer(keys, options.Auth, TimeProvider.System).Issue(subject, role, tenant, clientId: null, lifetime);
    }
}
