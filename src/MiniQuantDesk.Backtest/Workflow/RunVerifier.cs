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
    /// <param name="progress">As for BacktestJob.Run.</param>
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
        IReadOnlyList<StressRun> stress = StressRuns.Read(directory);
        string scratch = Path.Combine(Path.GetTempPath(), "mqd-verify-" + Guid.NewGuid().ToString("N"));
        try
        {
            BacktestJob.RunRecorded(settings, scratch, stress, progress);
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
}
