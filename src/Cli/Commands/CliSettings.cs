using System.CommandLine;
using Governance.Api.Configuration;
using Microsoft.Extensions.Configuration;

namespace Governance.Cli.Commands;

/// <summary>The CLI reads the same settings as the API of this install: local defaults, then the environment.</summary>
internal static class CliSettings
{
    public static GovernanceOptions Load()
    {
        var configuration = new ConfigurationBuilder()
            .AddLocalDefaults()
            .AddJsonFile(Path.Combine(LocalPaths.Root, "src", "Api", "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new GovernanceOptions();
        configuration.GetSection(GovernanceOptions.Section).Bind(options);
        return options;
    }

    public static Option<string> UrlOption() => new("--url")
    {
        Description = "Base URL of the API",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GOVERNANCE_URL") ?? "http://127.0.0.1:8080",
    };
}
