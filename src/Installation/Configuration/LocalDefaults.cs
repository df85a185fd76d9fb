using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Governance.Installation.Configuration;

/// <summary>
/// Lowest-priority configuration for a local install: the connection strings eng/postgres/up.sh
/// wrote, the dev key and the model store paths. Anything set in appsettings or the environment wins.
/// </summary>
public static class LocalDefaults
{
    public static IConfigurationBuilder AddLocalDefaults(this IConfigurationBuilder builder)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Governance:Auth:SigningKeyFile"] = LocalPaths.DefaultSigningKeyFile,
            ["Governance:Models:StorePath"] = LocalPaths.DefaultModelStore,
            ["Governance:Privacy:MasterKeyFile"] = Path.Combine(LocalPaths.DevDirectory, "privacy-master.key"),
            ["Governance:Audit:SigningKeyFile"] = Path.Combine(LocalPaths.DevDirectory, "audit-signing-key.pem"),
            ["Governance:Audit:AnchorDirectory"] = Path.Combine(LocalPaths.Root, "var", "audit-anchor"),
        };
        foreach (var (key, value) in ReadEnvFile(LocalPaths.PostgresEnvFile))
        {
            if (key == "GOVERNANCE_DB_APP")
            {
                values["Governance:Database:AppConnectionString"] = value;
            }
            else if (key == "GOVERNANCE_DB_OWNER")
            {
                values["Governance:Database:OwnerConnectionString"] = value;
            }
        }

        // Environment variables of the same names (CI, containers) override the file.
        values["Governance:Database:AppConnectionString"] = Environment.GetEnvironmentVariable("GOVERNANCE_DB_APP") ?? values.GetValueOrDefault("Governance:Database:AppConnectionString");
        values["Governance:Database:OwnerConnectionString"] = Environment.GetEnvironmentVariable("GOVERNANCE_DB_OWNER") ?? values.GetValueOrDefault("Governance:Database:OwnerConnectionString");
        builder.Sources.Insert(0, new MemoryConfigurationSource { InitialData = values });
        return builder;
    }

    private static IEnumerable<(string Key, string Value)> ReadEnvFile(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && !line.StartsWith('#'))
            {
                yield return (line[..eq].Trim(), line[(eq + 1)..].Trim());
            }
        }
    }
}
