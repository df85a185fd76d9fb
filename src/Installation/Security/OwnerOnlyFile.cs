namespace Governance.Installation.Security;

/// <summary>
/// Creates a secret file (signing key, master key) once, readable by its owner only from the first
/// byte: written under a temporary name and renamed, so readers never see a partial file and
/// concurrent first runs agree on one winner.
/// </summary>
public static class OwnerOnlyFile
{
    public static void CreateIfMissing(string path, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(content);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; theirs wins.
            File.Delete(temp);
        }
    }
}
