namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>
/// Checks an artifact folder against its <c>manifest.json</c>, in this order: the manifest itself; every listed file
/// (sorted) exists with its hash; no file is in the folder that the manifest does not list (except
/// <c>promotion.json</c>); every input still exists with its hash. The first problem is named.
/// </summary>
public static class ManifestVerifier
{
    /// <summary>Verifies <paramref name="directory"/>.</summary>
    public static ManifestCheck Verify(string directory)
    {
        ArtifactManifest manifest;
        try
        {
            manifest = ArtifactManifest.Read(directory);
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException)
        {
            return ManifestCheck.Failed(exception.Message);
        }

        HashSet<string> listed = new(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> file in manifest.Files)
        {
            listed.Add(file.Key);
            string path = Path.Combine(directory, file.Key);
            if (!File.Exists(path))
            {
                return ManifestCheck.Failed($"{file.Key}: missing (the manifest lists it)");
            }

            if (!string.Equals(ArtifactFile.Sha256OfFile(path), file.Value, StringComparison.Ordinal))
            {
                return ManifestCheck.Failed($"{file.Key}: SHA-256 differs from the manifest");
            }
        }

        foreach (string name in ArtifactManifest.CoveredFiles(directory))
        {
            if (!listed.Contains(name))
            {
                return ManifestCheck.Failed($"{name}: not listed in the manifest (a file was added after the run)");
            }
        }

        foreach (ManifestInput input in manifest.Inputs)
        {
            if (!File.Exists(input.Path))
            {
                return ManifestCheck.Failed($"input {input.Path}: missing (the run read it)");
            }

            if (!string.Equals(ArtifactFile.Sha256OfFile(input.Path), input.Sha256, StringComparison.Ordinal))
            {
                return ManifestCheck.Failed($"input {input.Path}: SHA-256 differs from the manifest (the data changed since the run)");
            }
        }

        return ManifestCheck.Intact;
    }
}
