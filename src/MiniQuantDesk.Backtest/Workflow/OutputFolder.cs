using MiniQuantDesk.Backtest.Artifacts;

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>
/// Where a run writes. A folder that does not exist or is empty is fine; so is one holding the very same run (same
/// configuration and inputs: writing it again gives the same bytes). Anything else — another run, or files that are
/// not a run at all — is refused, never overwritten silently.
/// </summary>
public static class OutputFolder
{
    /// <summary>Checks that <paramref name="directory"/> may receive the run of <paramref name="configSha256"/>
    /// over <paramref name="inputPaths"/>, and creates it.</summary>
    /// <exception cref="BacktestRefusedException">The folder holds something else.</exception>
    /// <param name="directory">The --out folder.</param>
    /// <param name="configSha256">The SHA-256 of the run's config.json.</param>
    /// <param name="inputPaths">The run's input files; their current SHA-256 must match the existing run's.</param>
    /// <param name="stressConfigs">The canonical settings of each stress run, in order (empty without stress).</param>
    public static void Prepare(string directory, string configSha256, IReadOnlyList<string> inputPaths, IReadOnlyList<string> stressConfigs)
    {
        ArgumentNullException.ThrowIfNull(inputPaths);
        ArgumentNullException.ThrowIfNull(stressConfigs);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!File.Exists(Path.Combine(directory, ArtifactManifest.FileName)))
            {
                throw new BacktestRefusedException($"{directory} is not empty and holds no run (no {ArtifactManifest.FileName}); choose an empty or new folder for --out.");
            }

            ArtifactManifest existing = ArtifactManifest.Read(directory);
            // The same run means the same configuration, the same stress runs and the same input bytes: data edited
            // since under the same file name make a different run.
            var inputs = inputPaths.Select(p => $"{Path.GetFullPath(p)} {ArtifactFile.Sha256OfFile(p)}").Order(StringComparer.Ordinal).ToList();
            var existingInputs = existing.Inputs.Select(i => $"{i.Path} {i.Sha256}").Order(StringComparer.Ordinal).ToList();
            if (existing.ConfigSha256 != configSha256 || !inputs.SequenceEqual(existingInputs) || !stressConfigs.SequenceEqual(StressRuns.ConfigsOf(directory)))
            {
                throw new BacktestRefusedException($"{directory} already holds a different run (config SHA-256 {existing.ConfigSha256[..12]}…, this run's {configSha256[..12]}…); choose another --out folder or delete that one.");
            }

            // The same run again: clear its files so that nothing of an interrupted earlier write survives.
            foreach (string file in Directory.EnumerateFiles(directory))
            {
                File.Delete(file);
            }
        }

        Directory.CreateDirectory(directory);
    }
}
