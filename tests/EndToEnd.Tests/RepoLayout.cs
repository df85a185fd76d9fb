namespace Governance.EndToEnd.Tests;

/// <summary>Where the built API and CLI of this checkout are, in the configuration the tests were built in.</summary>
internal static class RepoLayout
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string ApiDll => Path.Combine(Root, "src", "Api", "bin", Configuration, "net10.0", "Governance.Api.dll");

    public static string CliDll => Path.Combine(Root, "src", "Cli", "bin", Configuration, "net10.0", "governance.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Governance.sln not found above " + AppContext.BaseDirectory);
    }
}
