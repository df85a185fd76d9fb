using System.CommandLine;
using Governance.Installation.Configuration;
using Microsoft.Extensions.Configuration;

namespace Governance.Cli.Commands;

/// <summary>
/// The sections of the API's "Governance" settings that the CLI uses, read the way the API reads them:
/// local defaults, then appsettings.json, then the environment. Same property names, so the same keys bind.
/// </summary>
internal sealed class CliSettings
{
    public DatabaseOptions Database { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public PrivacyOptions Privacy { get; set; } = new();

    public static CliSettings Load()
    {
        var configuration = new ConfigurationBuilder()
            .AddLocalDefaults()
            .AddJsonFile(Path.Combine(LocalPaths.Root, "src", "Api", "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var settings = new CliSettings();
        configuration.GetSection("Governance").Bind(settings);
        return settings;
    }

    public static Option<string> UrlOption() => new("--url")
    {
        Description = "Base URL of the API",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GOVERNANCE_URL") ?? "http://127.0.0.1:8080",
    };
}
