using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Workflow;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Verification;

/// <summary>The same inputs and configuration give the same bytes, in any folder, and verify says so.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DeterminismTests(SampleDataFixture sample) : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void The_same_backtest_twice_into_two_folders_gives_identical_artifacts()
    {
        BacktestSettings settings = Backtests.SampleDaily(sample);

        Backtests.Run(settings, _temp.Sub("a"), StressProfileCatalog.BuiltIn.Profiles);
        Backtests.Run(settings, _temp.Sub("b"), StressProfileCatalog.BuiltIn.Profiles);

        Assert.Null(ArtifactComparer.FirstDifference(_temp.Sub("a"), _temp.Sub("b")));
        RunFolder.AssertSame(RunFolder.Snapshot(_temp.Sub("a")), RunFolder.Snapshot(_temp.Sub("b")));
    }

    [Fact]
    public void Verify_says_VERIFIED_for_an_untouched_run()
    {
        string output = _temp.Sub("run");
        Backtests.Run(Backtests.SampleDaily(sample), output, StressProfileCatalog.BuiltIn.Profiles);

        MqdRun verify = Mqd.Run("verify", output);

        verify.AssertSucceeded();
        Assert.Contains($"VERIFIED {output}: identical", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_of_a_run_in_another_folder_still_verifies()
    {
        Backtests.Run(Backtests.SampleDaily(sample), _temp.Sub("run"), StressProfileCatalog.BuiltIn.Profiles);
        RunFolder.CopyTo(_temp.Sub("run"), _temp.Sub("copy"));

        MqdRun verify = Mqd.Run("verify", _temp.Sub("copy"));

        verify.AssertSucceeded();
    }

    [Fact]
    public void Verify_refuses_a_folder_that_holds_no_run()
    {
        Directory.CreateDirectory(_temp.Sub("empty"));

        MqdRun verify = Mqd.Run("verify", _temp.Sub("empty"));

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains($"NOT VERIFIED {_temp.Sub("empty")}", verify.Out, StringComparison.Ordinal);
        Assert.Contains(ArtifactManifest.FileName, verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_changed_by_a_byte_and_relocked_fails_the_re_run_naming_that_file()
    {
        // Forges a consistent manifest over an edited trades.csv: the hashes agree, only the re-run can tell.
        string output = _temp.Sub("run");
        BacktestJobResult result = Backtests.Run(Backtests.SampleDaily(sample), output);
        RunFolder.FlipOneByte(Path.Combine(output, "trades.csv"));
        ManifestWriter.Write(output, ArtifactManifest.Read(output).Inputs.Select(i => i.Path), result.ConfigSha256);

        MqdRun verify = Mqd.Run("verify", output);

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("the re-run differs, first in trades.csv", verify.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
