using System.Diagnostics;
using Governance.Inference.Runtime;

namespace Governance.Api.Observability;

/// <summary>
/// The model and version labels of a measurement. Only models this process serves get their own name:
/// a name a client made up is "unknown", so a scan of random names cannot grow the series without bound.
/// </summary>
public readonly record struct ModelLabels(string Model, string Version)
{
    public const string Unknown = "unknown";

    public static ModelLabels None { get; } = new(Unknown, Unknown);

    public static ModelLabels Of(ModelHost host, string? name, string? version)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (name is null)
        {
            return None;
        }

        if (version is not null)
        {
            return host.TryGet(name, version, out var exact) ? new(exact.Name, exact.Version) : KnownName(host, name);
        }

        return KnownName(host, name);
    }

    public TagList Tags() => new() { { "model", Model }, { "version", Version } };

    private static ModelLabels KnownName(ModelHost host, string name) =>
        host.TryGetLatest(name, out var latest) ? new(latest.Name, Unknown) : None;
}
