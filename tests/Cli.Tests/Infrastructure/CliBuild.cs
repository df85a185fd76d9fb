namespace Governance.Cli.Tests.Infrastructure;

/// <summary>Where the build put the CLI that these tests run: src/Cli/bin/&lt;our configuration&gt;/net10.0.</summary>
internal static class CliBuild
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string OutputDirectory { get; } = Path.Combine(RepoRoot, "src", "Cli", "bin", Configuration, "net10.0");

    public static string Dll => Path.Combine(OutputDirectory, "governance.dll");

    /// <summary>True when <paramref name="path"/> or a folder above it holds Governance.sln, as LocalPaths looks for it.</summary>
    public static bool IsInsideCheckout(string path)
    {
        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                return true;
            }
        }

        return false;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Governance.sln above " + AppContext.BaseDirectory);
    }
}
