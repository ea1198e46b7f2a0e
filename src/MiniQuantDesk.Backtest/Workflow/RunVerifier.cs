using System.Text.Json.Nodes;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Configuration;

namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>
/// <c>mqd verify DIR</c>: first every file against the manifest (tampering with any artifact, or an input changed
/// since, is found here), then a re-run from the manifest's inputs and the run's own config.json — stress profiles
/// included — into a scratch folder, compared byte for byte with the run.
/// </summary>
public static class RunVerifier
{
    /// <summary>Verifies the run in <paramref name="directory"/>.</summary>
    /// <param name="directory">A folder written by <c>mqd backtest</c>.</param>
    /// <param name="progress">As for <see cref="BacktestJob.Run"/>.</param>
    public static VerifyOutcome Verify(string directory, Action<string, long, long>? progress)
    {
        if (!File.Exists(Path.Combine(directory, ArtifactManifest.FileName)))
        {
            return new VerifyOutcome(false, false, $"{directory} holds no {ArtifactManifest.FileName}: it is not a backtest run folder.");
        }

        ManifestCheck check = ManifestVerifier.Verify(directory);
        if (!check.Ok)
        {
            return new VerifyOutcome(false, false, check.Problem);
        }

        BacktestSettings settings = CanonicalSettingsJson.Read(File.ReadAllText(Path.Combine(directory, BacktestJob.ConfigFileName)), BacktestJob.ConfigFileName);
        IReadOnlyList<StressProfile> stress = StressProfilesOf(directory);
        string scratch = Path.Combine(Path.GetTempPath(), "mqd-verify-" + Guid.NewGuid().ToString("N"));
        try
        {
            BacktestJob.Run(settings, scratch, stress, progress);
            string? difference = ArtifactComparer.FirstDifference(directory, scratch);
            return difference is null
                ? new VerifyOutcome(true, true, "identical: every file re-ran to the same bytes")
                : new VerifyOutcome(true, false, $"the re-run differs, first in {difference}");
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>The stress profiles a run ran, by the names in its stress.json (built-in profiles).</summary>
    public static IReadOnlyList<StressProfile> StressProfilesOf(string directory)
    {
        string path = Path.Combine(directory, BacktestJob.StressFileName);
        if (!File.Exists(path))
        {
            return [];
        }

        JsonArray profiles = JsonNode.Parse(File.ReadAllText(path))?["profiles"]?.AsArray()
            ?? throw new InvalidDataException($"{path}: no 'profiles' list.");
        return [.. profiles.Select(p => StressProfileCatalog.BuiltIn.Get(p?["name"]?.GetValue<string>() ?? throw new InvalidDataException($"{path}: a profile without a name.")))];
    }
}
