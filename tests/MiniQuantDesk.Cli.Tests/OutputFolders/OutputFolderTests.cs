using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.OutputFolders;

/// <summary>An artifact folder is never overwritten by something else: another run, or a folder that is not a run,
/// is refused and left as it was; the very same run again gives the very same bytes.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OutputFolderTests(SampleDataFixture sample) : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Output => _temp.Sub("run");

    [Fact]
    public void A_folder_holding_a_different_run_is_refused_and_left_byte_identical()
    {
        Backtest("--param", "fast=10").AssertSucceeded();
        SortedDictionary<string, byte[]> before = RunFolder.Snapshot(Output);

        MqdRun other = Backtest("--param", "fast=5");

        other.AssertRefused(Output, "already holds a different run");
        RunFolder.AssertSame(before, RunFolder.Snapshot(Output));
    }

    [Fact]
    public void A_non_empty_folder_without_a_manifest_is_refused_and_left_as_it_was()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "my notes\n");
        SortedDictionary<string, byte[]> before = RunFolder.Snapshot(Output);

        MqdRun run = Backtest();

        run.AssertRefused(Output, "not empty", ArtifactManifest.FileName);
        RunFolder.AssertSame(before, RunFolder.Snapshot(Output));
    }

    [Fact]
    public void An_empty_existing_folder_is_accepted()
    {
        Directory.CreateDirectory(Output);

        Backtest().AssertSucceeded();

        Assert.True(File.Exists(Path.Combine(Output, ArtifactManifest.FileName)));
    }

    [Fact]
    public void The_same_run_again_into_the_same_folder_is_allowed_and_gives_identical_bytes()
    {
        Backtest("--stress", "all").AssertSucceeded();
        SortedDictionary<string, byte[]> first = RunFolder.Snapshot(Output);

        MqdRun again = Backtest("--stress", "all");

        again.AssertSucceeded();
        RunFolder.AssertSame(first, RunFolder.Snapshot(Output));
    }

    /// <summary>
    /// Same configuration, same input path, different input bytes: that is a different run (its manifest's input
    /// hash differs and writing it gives other bytes), so the folder holding the first must not be overwritten.
    /// </summary>
    [Fact]
    public void A_folder_holding_a_run_over_since_changed_input_data_is_refused_and_left_byte_identical()
    {
        string data = _temp.Copy(sample.Daily);
        Assert.Equal(0, Mqd.Run("backtest", "--data", data, "--costs", "none", "--out", Output).ExitCode);
        SortedDictionary<string, byte[]> before = RunFolder.Snapshot(Output);
        File.WriteAllText(data, string.Join('\n', File.ReadAllLines(data)[..^200]) + "\n"); // the last 200 sessions removed

        MqdRun second = Mqd.Run("backtest", "--data", data, "--costs", "none", "--out", Output);

        second.AssertRefused(Output);
        RunFolder.AssertSame(before, RunFolder.Snapshot(Output));
    }

    private MqdRun Backtest(params string[] extra) =>
        Mqd.Run(["backtest", "--data", sample.Daily, "--corporate-actions", sample.Actions, "--corporate-actions-mode", "apply", "--out", Output, .. extra]);

    public void Dispose() => _temp.Dispose();
}
