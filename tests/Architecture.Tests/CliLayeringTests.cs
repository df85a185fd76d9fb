using System.Reflection;
using System.Xml.Linq;

namespace Governance.Architecture.Tests;

/// <summary>
/// The CLI runs without the web host (ADR-027): what it shares with the API (settings, keys, policy text,
/// the PII engine) lives in Governance.Installation and Governance.Domain. Checked twice: on the compiled
/// references, through every assembly they lead to, and on the project files, where a reference nothing
/// uses yet would still pull the host in.
/// </summary>
public sealed class CliLayeringTests
{
    private static readonly Assembly Cli = Assembly.Load(new AssemblyName("governance"));
    private static readonly Assembly Installation = typeof(Governance.Installation.Security.TokenIssuer).Assembly;
    private static readonly string Api = typeof(Governance.Api.Pipeline.AuditScope).Assembly.GetName().Name!;

    [Fact]
    public void Cli_NeverReferencesTheApiHost_EvenThroughAnotherAssembly()
    {
        var reachable = Reachable(Cli);

        Assert.DoesNotContain(Api, reachable);
        Assert.DoesNotContain(reachable, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains(Installation.GetName().Name!, reachable);
    }

    [Fact]
    public void Installation_ReferencesNoWebAssembly()
    {
        var reachable = Reachable(Installation);

        Assert.DoesNotContain(Api, reachable);
        Assert.DoesNotContain(reachable, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void CliProject_HasNoProjectReferenceLeadingToTheApiHost()
    {
        var root = RepositoryRoot();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([Path.Combine(root, "src", "Cli", "Governance.Cli.csproj")]);
        while (pending.TryDequeue(out var project))
        {
            if (!seen.Add(Path.GetFullPath(project)))
            {
                continue;
            }

            var document = XDocument.Load(project);
            Assert.NotEqual("Microsoft.NET.Sdk.Web", document.Root?.Attribute("Sdk")?.Value);
            foreach (var reference in document.Descendants("ProjectReference"))
            {
                pending.Enqueue(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value));
            }
        }

        Assert.DoesNotContain(seen, p => p.EndsWith("Governance.Api.csproj", StringComparison.Ordinal));
        Assert.Contains(seen, p => p.EndsWith("Governance.Installation.csproj", StringComparison.Ordinal));
    }

    private static HashSet<string> Reachable(Assembly start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<AssemblyName>(start.GetReferencedAssemblies());
        while (pending.TryDequeue(out var name))
        {
            if (name.Name!.StartsWith("System", StringComparison.Ordinal) || !seen.Add(name.Name))
            {
                continue;
            }

            foreach (var next in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Enqueue(next);
            }
        }

        return seen;
    }

    private static string RepositoryRoot()
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
