namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>Writes <c>manifest.json</c> last, once every other artifact of the run is in the folder.</summary>
public static class ManifestWriter
{
    /// <summary>Hashes every covered file of <paramref name="directory"/> and every input, and writes the manifest.</summary>
    /// <param name="directory">The artifact folder.</param>
    /// <param name="inputPaths">The files the run read; recorded by full path, sorted, each once.</param>
    /// <param name="configSha256">The SHA-256 of the resolved canonical configuration.</param>
    /// <returns>The manifest written.</returns>
    public static ArtifactManifest Write(string directory, IEnumerable<string> inputPaths, string configSha256)
    {
        ArgumentNullException.ThrowIfNull(inputPaths);
        ArgumentException.ThrowIfNullOrEmpty(configSha256);
        List<KeyValuePair<string, string>> files = [];
        foreach (string name in ArtifactManifest.CoveredFiles(directory))
        {
            files.Add(new(name, ArtifactFile.Sha256OfFile(Path.Combine(directory, name))));
        }

        SortedSet<string> fullPaths = new(StringComparer.Ordinal);
        foreach (string input in inputPaths)
        {
            fullPaths.Add(Path.GetFullPath(input));
        }

        List<ManifestInput> inputs = [];
        foreach (string path in fullPaths)
        {
            inputs.Add(new ManifestInput(path, ArtifactFile.Sha256OfFile(path)));
        }

        ArtifactManifest manifest = new(files, inputs, configSha256);
        ArtifactFile.WriteText(Path.Combine(directory, ArtifactManifest.FileName), manifest.ToText());
        return manifest;
    }
}
