using System.Text;

namespace MiniQuantDesk.Cli.Tests.Support;

/// <summary>A unique folder under the system temp path, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(PathName);

    public string PathName { get; } = Path.Combine(Path.GetTempPath(), "mqd-cli-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte-order mark and returns the file's path.</summary>
    public string Write(string fileName, string content)
    {
        string path = Path.Combine(PathName, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(content));
        return path;
    }

    /// <summary>Copies <paramref name="source"/> into this folder under its own name and returns the copy's path.</summary>
    public string Copy(string source)
    {
        string path = Path.Combine(PathName, Path.GetFileName(source));
        File.Copy(source, path);
        return path;
    }

    /// <summary>A sub-folder's path (not created).</summary>
    public string Sub(string name) => Path.Combine(PathName, name);

    public void Dispose()
    {
        if (Directory.Exists(PathName))
        {
            Directory.Delete(PathName, recursive: true);
        }
    }
}
