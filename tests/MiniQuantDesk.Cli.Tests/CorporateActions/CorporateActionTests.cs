using System.Globalization;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.CorporateActions;

/// <summary>
/// The sample daily data are unadjusted across a 2:1 split on 2019-06-03. Crossing it needs a choice: apply (the run
/// goes through as on adjusted data) or forbid (the run stops there). sma-cross 3/10 holds a position across it,
/// entered 2019-05-29, so a wrong adjustment would show as a trade on the split day.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CorporateActionTests(SampleDataFixture sample) : IDisposable
{
    private const string SplitDay = "2019-06-03";

    private static readonly string[] s_holdsAcrossTheSplit = ["--param", "fast=3", "--param", "slow=10"];

    private readonly TempFolder _temp = new();

    [Fact]
    public void Unadjusted_data_with_an_actions_file_but_no_mode_is_refused_naming_the_split_and_both_modes()
    {
        string output = _temp.Sub("run");

        MqdRun run = Mqd.Run("backtest", "--data", sample.Daily, "--corporate-actions", sample.Actions, "--out", output);

        run.AssertRefused(sample.Daily, $"2:1 split on {SplitDay}", "unadjusted", "--corporate-actions-mode apply", "--corporate-actions-mode forbid");
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Forbid_writes_the_artifacts_and_stops_the_run_before_the_split_session()
    {
        string output = _temp.Sub("run");

        MqdRun run = Mqd.Run(["backtest", "--data", sample.Daily, "--corporate-actions", sample.Actions, "--corporate-actions-mode", "forbid", "--out", output, .. s_holdsAcrossTheSplit]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"RUN STOPPED EARLY: SAMPLE 2:1 split on {SplitDay}", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, ArtifactManifest.FileName)), run.ToString());
        List<string[]> fills = RunFolder.Rows(output, "fills.csv");
        Assert.NotEmpty(fills);
        Assert.All(fills, fill => Assert.True(DayOf(fill[0]) < DateOnly.Parse(SplitDay, CultureInfo.InvariantCulture), $"fill at {fill[0]}"));
        Assert.Equal(new DateOnly(2019, 5, 31), DayOf(RunFolder.Rows(output, "equity.csv")[^1][0]));
        Mqd.Run("verify", output).AssertSucceeded();
    }

    [Fact]
    public void Apply_goes_through_the_split_trading_exactly_as_on_the_pre_adjusted_series()
    {
        string adjustedData = _temp.Sub("SAMPLE_1d.csv");
        PreAdjustedSeries.Write(sample.Daily, DateOnly.Parse(SplitDay, CultureInfo.InvariantCulture), 2, adjustedData);
        string applied = _temp.Sub("applied");
        string preAdjusted = _temp.Sub("pre-adjusted");

        MqdRun applyRun = Mqd.Run(["backtest", "--data", sample.Daily, "--corporate-actions", sample.Actions, "--corporate-actions-mode", "apply", "--out", applied, .. s_holdsAcrossTheSplit]);
        MqdRun adjustedRun = Mqd.Run(["backtest", "--data", adjustedData, "--out", preAdjusted, .. s_holdsAcrossTheSplit]);

        applyRun.AssertSucceeded();
        adjustedRun.AssertSucceeded();
        Assert.DoesNotContain("ENGINE HALTED", applyRun.Out, StringComparison.Ordinal);
        Assert.Contains($"SAMPLE 2:1 split on {SplitDay}: applied", applyRun.Out, StringComparison.Ordinal);
        Assert.Contains(RunFolder.Rows(applied, "trades.csv"), trade => DayOf(trade[0]) < DayOf(SplitDay) && DayOf(trade[2]) > DayOf(SplitDay));
        foreach (string artifact in (string[])["orders.csv", "fills.csv", "trades.csv", "equity.csv", "metrics.json", "events.jsonl"])
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(applied, artifact)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(preAdjusted, artifact))),
                $"{artifact} differs between the applied split and the pre-adjusted series");
        }
    }

    [Fact]
    public void Apply_on_data_that_already_reflect_the_split_does_not_apply_it_twice()
    {
        string adjustedData = _temp.Sub("SAMPLE_1d.csv");
        PreAdjustedSeries.Write(sample.Daily, DateOnly.Parse(SplitDay, CultureInfo.InvariantCulture), 2, adjustedData);
        string withActions = _temp.Sub("with-actions");
        string without = _temp.Sub("without");

        MqdRun run = Mqd.Run(["backtest", "--data", adjustedData, "--corporate-actions", sample.Actions, "--corporate-actions-mode", "apply", "--out", withActions, .. s_holdsAcrossTheSplit]);
        Mqd.Run(["backtest", "--data", adjustedData, "--out", without, .. s_holdsAcrossTheSplit]).AssertSucceeded();

        run.AssertSucceeded();
        Assert.Contains("already reflect it", run.Out, StringComparison.Ordinal);
        foreach (string artifact in (string[])["fills.csv", "equity.csv"])
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(withActions, artifact)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(without, artifact))),
                $"{artifact} differs: the split was applied to data that already reflect it");
        }
    }

    [Fact]
    public void Without_the_split_applied_the_position_held_across_it_is_sold_on_the_price_drop()
    {
        // What apply protects against: read raw, the halved price crosses the averages and the strategy sells.
        string output = _temp.Sub("raw");

        Mqd.Run(["backtest", "--data", sample.Daily, "--out", output, .. s_holdsAcrossTheSplit]).AssertSucceeded();

        Assert.Contains(RunFolder.Rows(output, "fills.csv"), fill => fill[4] == "sell" && DayOf(fill[0]) == new DateOnly(2019, 6, 4));
    }

    private static DateOnly DayOf(string isoTime) => DateOnly.Parse(isoTime[..10], CultureInfo.InvariantCulture);

    public void Dispose() => _temp.Dispose();
}
