namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>Compares two artifact folders file by file, as <c>mqd verify</c> does with a re-run.</summary>
public static class ArtifactComparer
{
    /// <summary>
    /// Null when both folders have manifests and every file either manifest lists is byte-identical in both, and the
    /// manifests themselves are identical; otherwise the name of the first difference: a listed file (in sorted
    /// order) that is missing from either folder or differs, else <c>manifest.json</c> (missing, or differing only in
    /// what it records about inputs or configuration).
    /// </summary>
    public static string? FirstDifference(string directoryA, string directoryB)
    {
        string manifestA = Path.Combine(directoryA, ArtifactManifest.FileName);
        string manifestB = Path.Combine(directoryB, ArtifactManifest.FileName);
        if (!File.Exists(manifestA) || !File.Exists(manifestB))
        {
            return ArtifactManifest.FileName;
        }

        SortedSet<string> names = new(StringComparer.Ordinal);
        try
        {
            AddListed(names, directoryA);
            AddListed(names, directoryB);
        }
        catch (InvalidDataException)
        {
            return ArtifactManifest.FileName;
        }

        foreach (string name in names)
        {
            if (!SameBytes(Path.Combine(directoryA, name), Path.Combine(directoryB, name)))
            {
                return name;
            }
        }

        return SameBytes(manifestA, manifestB) ? null : ArtifactManifest.FileName;
    }

    private static void AddListed(SortedSet<string> names, string directory)
    {
        foreach (KeyValuePair<string, string> file in ArtifactManifest.Read(directory).Files)
        {
            names.Add(file.Key);
        }
    }

    private static bool SameBytes(string pathA, string pathB)
    {
        if (!File.Exists(pathA) || !File.Exists(pathB))
        {
            return false;
        }

        return File.ReadAllBytes(pathA).AsSpan().SequenceEqual(File.ReadAllBytes(pathB));
    }
}
