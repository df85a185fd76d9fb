using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Migrations;

/// <summary>One numbered SQL file, e.g. <c>0001_audit_log.sql</c>, with the checksum of its bytes.</summary>
public sealed partial record MigrationScript(int Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "migrations/";

    /// <summary>For tests and tools: a script from text (checksum over its UTF-8 bytes).</summary>
    public static MigrationScript Create(string name, string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return FromBytes(name, Encoding.UTF8.GetBytes(sql));
    }

    public static MigrationScript FromBytes(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(bytes);
        var match = FileName().Match(name);
        if (!match.Success)
        {
            throw new ArgumentException($"Migration '{name}' must be named NNNN_name.sql.", nameof(name));
        }

        // The checksum covers the raw bytes, so even a BOM or line-ending change is an edit.
        var checksum = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var sql = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        return new MigrationScript(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), name, sql, checksum);
    }

    /// <summary>The files of db/migrations, embedded in this assembly at build time.</summary>
    public static IReadOnlyList<MigrationScript> LoadEmbedded()
    {
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                scripts.Add(FromBytes(resource[ResourcePrefix.Length..], ReadResource(assembly, resource)));
            }
        }

        return scripts;
    }

    private static byte[] ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration {resource} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"^(\d{4})_[A-Za-z0-9_]+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
