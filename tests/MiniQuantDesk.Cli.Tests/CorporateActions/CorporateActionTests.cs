using System.Globalization;
using System.Text.Json;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.CorporateActions;

/// <summary>
/// The sample daily data are unadjusted across a 2:1 split on 2019-06-03. Crossing it needs a choice: apply (the engine
/// applies the split at that session's open: the position doubles, the strategy's prices halve) or forbid (the run
/// stops there). sma-cross 3/10 holds 100 shares across it, entered 2019-05-29, so a wrong adjustment would show as a
/// trade on the split day or a jump of the equity.
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
    public void Apply_trades_on_the_same_days_as_the_pre_adjusted_series_and_verifies_identical()
    {
        string adjustedData = _temp.Sub("SAMPLE_1d.csv");
        PreAdjustedSeries.Write(sample.Daily, DayOf(SplitDay), 2, adjustedData);
        string applied = _temp.Sub("applied");
        string preAdjusted = _temp.Sub("pre-adjusted");

        MqdRun applyRun = Mqd.Run(["backtest", "--data", sample.Daily, "--corporate-actions", sample.Actions, "--corporate-actions-mode", "apply", "--out", applied, .. s_holdsAcrossTheSplit]);
        MqdRun adjustedRun = Mqd.Run(["backtest", "--data", adjustedData, "--out", preAdjusted, .. s_holdsAcrossTheSplit]);

        applyRun.AssertSucceeded();
        adjustedRun.AssertSucceeded();
        Assert.DoesNotContain("ENGINE HALTED", applyRun.Out, StringComparison.Ordinal);
        Assert.Contains($"SAMPLE 2:1 split on {SplitDay}: applied", applyRun.Out, StringComparison.Ordinal);

        // The strategy's prices were put on the new basis at the split, so it decides as on pre-adjusted data: the
        // same round trips, entered and left at the same times; the one across the split holds twice the shares.
        List<string[]> trades = RunFolder.Rows(applied, "trades.csv");
        Assert.Equal(RunFolder.Rows(preAdjusted, "trades.csv").Select(t => (t[0], t[2])), trades.Select(t => (t[0], t[2])));
        string[] across = Assert.Single(trades, t => DayOf(t[0]) < DayOf(SplitDay) && DayOf(t[2]) > DayOf(SplitDay));
        Assert.Equal("200", across[4]);
        Mqd.Run("verify", applied).AssertSucceeded();
    }

    [Fact]
    public void A_long_position_held_across_the_split_keeps_its_value_with_its_shares_doubled()
    {
        string output = _temp.Sub("applied");

        Mqd.Run(["backtest", "--data", sample.Daily, "--corporate-actions", sample.Actions, "--corporate-actions-mode", "apply", "--out", output, .. s_holdsAcrossTheSplit]).AssertSucceeded();

        // The split is an event of the run, with the position before and after it.
        Dictionary<string, string> split = CorporateActionEvents(output).Single();
        Assert.Equal(("split", "2:1", "100", "200", "0"), (split["kind"], split["ratio_or_amount"], split["position_before"], split["position_after"], split["cash"]));

        // No equity jump: from the last close before the split to the first after it, the equity moves by exactly
        // what the market moved the position (100 shares at 171.77, then 200 at 86.89), and cash does not move.
        Dictionary<DateOnly, string[]> equity = RunFolder.Rows(output, "equity.csv").ToDictionary(r => DayOf(r[0]));
        string[] before = equity[new DateOnly(2019, 5, 31)];
        string[] after = equity[DayOf(SplitDay)];
        Assert.Equal(before[2], after[2]);
        Assert.Equal((200 * 86.89m) - (100 * 171.77m), Amount(after[1]) - Amount(before[1]));
        Assert.Equal(("17177", "17378"), (before[3], after[3]));
    }

    [Fact]
    public void A_dividend_raises_cash_by_the_shares_held_times_the_amount_and_verifies_identical()
    {
        string actions = _temp.Sub("corporate_actions.csv");
        File.WriteAllText(actions, $"date,symbol,kind,ratio_or_amount\n2019-05-31,SAMPLE,dividend,0.55\n{SplitDay},SAMPLE,split,2\n");
        string output = _temp.Sub("run");

        MqdRun run = Mqd.Run(["backtest", "--data", sample.Daily, "--corporate-actions", actions, "--corporate-actions-mode", "apply", "--out", output, .. s_holdsAcrossTheSplit]);

        run.AssertSucceeded();
        Assert.Contains("SAMPLE dividend of 0.55 per share on 2019-05-31: applied", run.Out, StringComparison.Ordinal);
        Dictionary<DateOnly, string[]> equity = RunFolder.Rows(output, "equity.csv").ToDictionary(r => DayOf(r[0]));
        Assert.Equal(100 * 0.55m, Amount(equity[new DateOnly(2019, 5, 31)][2]) - Amount(equity[new DateOnly(2019, 5, 30)][2]));
        Dictionary<string, string> dividend = CorporateActionEvents(output).First();
        Assert.Equal(("dividend", "0.55", "100", "55"), (dividend["kind"], dividend["ratio_or_amount"], dividend["position_before"], dividend["cash"]));
        Mqd.Run("verify", output).AssertSucceeded();
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

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>The fields of every corporate action the run's event log records, in order.</summary>
    private static List<Dictionary<string, string>> CorporateActionEvents(string output) =>
        [.. File.ReadAllLines(Path.Combine(output, "events.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "corporate_action")
            .Select(e => e.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString() ?? string.Empty))];

    public void Dispose() => _temp.Dispose();
}
