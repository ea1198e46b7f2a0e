using System.Globalization;
using System.Text.Json.Nodes;
using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Workflow;
using MiniQuantDesk.Cli.Tests.Support;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Cli.Tests.Stress;

/// <summary>Each stress profile stresses what it says: more slippage costs money, latency fills later, a volume cap
/// splits orders into several fills.</summary>
public sealed class StressTests(SampleDataFixture sample) : IClassFixture<SampleDataFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Stress_all_writes_stress_json_with_the_baseline_and_the_three_built_in_profiles()
    {
        string output = _temp.Sub("run");

        Backtests.Run(Backtests.SampleDaily(sample), output, StressProfileCatalog.BuiltIn.Select(StressProfileCatalog.All));

        JsonNode stress = StressJson(output);
        Assert.Equal(["high-latency", "partial-fills", "slippage-x2"], Profiles(stress).Select(p => p["name"]!.GetValue<string>()));
        Assert.All(Profiles(stress), p => Assert.True(p["metrics"]!["final_equity"]!.GetValue<double>() > 0));
        Assert.Equal(
            JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!.ToJsonString(),
            stress["baseline"]!.ToJsonString());
        Assert.Contains(BacktestJob.StressFileName, RunFolder.ManifestFiles(output));
    }

    [Fact]
    public void Slippage_x2_ends_with_less_equity_than_the_baseline_over_the_same_trades()
    {
        string output = _temp.Sub("run");

        Backtests.Run(Backtests.SampleDaily(sample), output, StressProfileCatalog.BuiltIn.Profiles);

        JsonNode stress = StressJson(output);
        JsonNode baseline = stress["baseline"]!;
        JsonNode slipped = Profiles(stress).Single(p => p["name"]!.GetValue<string>() == "slippage-x2")["metrics"]!;
        Assert.True(baseline["trade_count"]!.GetValue<double>() > 0);
        Assert.Equal(baseline["trade_count"]!.GetValue<double>(), slipped["trade_count"]!.GetValue<double>());
        Assert.True(slipped["final_equity"]!.GetValue<double>() < baseline["final_equity"]!.GetValue<double>());
    }

    [Fact]
    public void High_latency_fills_later_than_the_baseline()
    {
        BacktestSettings baseline = Backtests.SampleDaily(sample);
        BacktestSettings late = SettingsResolver.ApplyStress(baseline, StressProfileCatalog.BuiltIn.Get("high-latency"));

        Backtests.Run(baseline, _temp.Sub("baseline"));
        Backtests.Run(late, _temp.Sub("late"));

        DateTimeOffset first = FirstFill(_temp.Sub("baseline"));
        DateTimeOffset firstLate = FirstFill(_temp.Sub("late"));
        Assert.True(firstLate > first, $"first fill {firstLate:o} with latency, {first:o} without");
        Assert.Equal(
            RunFolder.Rows(_temp.Sub("baseline"), "orders.csv")[0][0],
            RunFolder.Rows(_temp.Sub("late"), "orders.csv")[0][0]);
    }

    [Fact]
    public void A_tiny_volume_share_fills_orders_in_several_parts_that_add_up_to_each_order()
    {
        StressProfile tiny = StressProfileCatalog.Parse(
            "name: tiny-volume-share\ndescription: At most one basis point of a bar's volume per fill.\nmax_volume_share: 0.0001\n",
            "tiny-volume-share.yaml",
            "tiny-volume-share");
        var parameters = new Dictionary<string, long>(StringComparer.Ordinal) { ["qty"] = 10_000 };
        BacktestSettings settings = SettingsResolver.ApplyStress(
            Backtests.Settings(sample.Daily, sample.Actions, CorporateActionsMode.Apply, parameters, Micros.FromUnits(10_000_000)),
            tiny);
        string output = _temp.Sub("run");

        Backtests.Run(settings, output);

        List<string[]> orders = RunFolder.Rows(output, "orders.csv");
        List<string[]> fills = RunFolder.Rows(output, "fills.csv");
        Assert.NotEmpty(orders);
        Assert.True(fills.Count > orders.Count, $"{fills.Count} fills for {orders.Count} orders");
        foreach (string[] order in orders.Where(o => o[9] == "filled"))
        {
            long filled = fills.Where(f => f[1] == order[1]).Sum(f => long.Parse(f[5], CultureInfo.InvariantCulture));
            Assert.Equal(long.Parse(order[7], CultureInfo.InvariantCulture), filled);
        }
    }

    [Fact]
    public void The_built_in_partial_fills_profile_splits_orders_on_minute_bars()
    {
        // 1 % of a minute's volume (tens of thousands of shares) is a few hundred shares: 1,000 needs several bars.
        string minutes = _temp.Write("SAMPLE_1m.csv", string.Join('\n', File.ReadLines(sample.Files.MinuteBars).Take(1 + (390 * 10))) + "\n");
        var parameters = new Dictionary<string, long>(StringComparer.Ordinal) { ["qty"] = 1_000 };
        BacktestSettings settings = SettingsResolver.ApplyStress(
            Backtests.Settings(minutes, parameters: parameters),
            StressProfileCatalog.BuiltIn.Get("partial-fills"));
        string output = _temp.Sub("run");

        Backtests.Run(settings, output);

        Assert.True(RunFolder.Rows(output, "fills.csv").Count > RunFolder.Rows(output, "orders.csv").Count);
    }

    private static JsonNode StressJson(string directory) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, BacktestJob.StressFileName)))!;

    private static IEnumerable<JsonNode> Profiles(JsonNode stress) => stress["profiles"]!.AsArray().Select(p => p!);

    private static DateTimeOffset FirstFill(string directory) =>
        DateTimeOffset.Parse(RunFolder.Rows(directory, "fills.csv")[0][0], CultureInfo.InvariantCulture);

    public void Dispose() => _temp.Dispose();
}
