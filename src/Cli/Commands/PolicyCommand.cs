using System.CommandLine;
using Governance.Installation.Policies;

namespace Governance.Cli.Commands;

/// <summary>
/// `governance policy lint FILE...` and `governance policy test DIR`: the platform's own validation and
/// evaluation, offline (no server, no database), for a customer's CI like `opa test`. Exit codes:
/// 0 all good, 1 a lint error or a failing case, 2 a file that cannot be read or understood.
/// </summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Policy YAML files", Arity = ArgumentArity.OneOrMore };
        var lint = new Command("lint", "Validate policy files: schema, attribute types, unreachable and shadowed rules") { files };
        lint.SetAction(parse => Lint(parse.GetValue(files)!));

        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder searched for *.test.yaml files" };
        var test = new Command("test", "Run policy test cases (*.test.yaml: policy, then cases of context -> expected decision)") { dir };
        test.SetAction(parse => PolicyTestRunner.Run(parse.GetValue(dir)!));
        return new Command("policy", "Lint and test policy sets, offline") { lint, test };
    }

    private static int Lint(FileInfo[] files)
    {
        var exit = 0;
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"{file.FullName}: no such file");
                exit = 2;
                continue;
            }

            var result = PolicyLoader.Load(File.ReadAllText(file.FullName));
            if (result.IsValid)
            {
                Console.WriteLine($"{file.Name}: ok ({result.Document!.Rules.Count} rules)");
                continue;
            }

            foreach (var error in result.Errors)
            {
                Console.WriteLine($"{file.Name}:{error}");
            }

            exit = Math.Max(exit, 1);
        }

        return exit;
    }
}
