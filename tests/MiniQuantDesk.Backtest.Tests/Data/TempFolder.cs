using System.Text;

namespace MiniQuantDesk.Backtest.Tests.Data;

/// <summary>A unique folder under the system temp path, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(PathName);

    public string PathName { get; } = Path.Combine(Path.GetTempPath(), "mqd-data-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte-order mark and returns the file's path.</summary>
    public string Write(string fileName, string content)
    {
        string path = Path.Combine(PathName, fileName);
        File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(content));
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
