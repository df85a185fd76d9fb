using System.CommandLine;

namespace Governance.Cli.Commands;

/// <summary>
/// `governance demo seed`: the demo tenant (region eu, tier premium), the demo models (written by eng/DemoModels) and licenses,
/// created through the API like any admin would. Safe to run again: what exists is left as it is.
/// </summary>
internal static class DemoCommand
{
    public const string TenantId = "demo";

    // A European bank on the premium tier, so tenant.region / tenant.tier conditions have something to match.
    public const string TenantRegion = "eu";

    public const string TenantTier = "premium";

    public static Command Create()
    {
        var url = CliSettings.UrlOption();
        var models = new Option<DirectoryInfo>("--models") { Description = "Folder of <name>/<version>/{model.onnx,manifest.json}", Required = true };
        var seed = new Command("seed", "Create the demo tenant, register the demo models, grant licenses") { url, models };
        seed.SetAction(async (parse, ct) =>
        {
            using var api = new ApiClient(parse.GetValue(url)!);
            Console.WriteLine($"tenant {TenantId}: " + await api.PostJsonAsync("/api/v1/tenants", new { id = TenantId, name = "Demo Bank", region = TenantRegion, tier = TenantTier }, ct));
            foreach (var manifest in Directory.EnumerateFiles(parse.GetValue(models)!.FullName, "manifest.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var dir = Path.GetDirectoryName(manifest)!;
                var name = Path.GetFileName(Path.GetDirectoryName(dir)!);
                var version = Path.GetFileName(dir);
                Console.WriteLine($"model {name}/{version}: " + await ModelCommand.RegisterAsync(api, Path.Combine(dir, "model.onnx"), manifest, ct));
                Console.WriteLine($"license {TenantId} -> {name}: " + await api.PostJsonAsync($"/api/v1/tenants/{TenantId}/licenses", new { model = name }, ct));
            }

            return 0;
        });
        return new Command("demo", "Demo data for a local install") { seed };
    }
}
