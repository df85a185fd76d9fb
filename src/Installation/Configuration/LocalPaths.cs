namespace Governance.Installation.Configuration;

/// <summary>
/// Where a local install keeps what must not be committed: dev keys and passwords in .dev/, data in
/// var/ (both git-ignored), found from the repository root when running from a checkout.
/// </summary>
public static class LocalPaths
{
    public static string Root { get; } = FindRoot(Directory.GetCurrentDirectory())
        ?? FindRoot(AppContext.BaseDirectory)
        ?? Directory.GetCurrentDirectory();

    public static string DevDirectory => Path.Combine(Root, ".dev");

    public static string DefaultSigningKeyFile => Path.Combine(DevDirectory, "jwt-signing-key.pem");

    public static string DefaultModelStore => Path.Combine(Root, "var", "models");

    public static string PostgresEnvFile => Path.Combine(DevDirectory, "postgres.env");

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
