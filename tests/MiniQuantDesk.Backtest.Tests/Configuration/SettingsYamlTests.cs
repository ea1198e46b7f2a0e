using MiniQuantDesk.Backtest.Configuration;

namespace MiniQuantDesk.Backtest.Tests.Configuration;

/// <summary>The configuration file is read strictly: every key is consumed or refused with file, line and what is
/// allowed, and decimals are exact.</summary>
public sealed class SettingsYamlTests
{
    private const string Source = "run.yaml";

    [Fact]
    public void Every_key_is_read_into_its_setting_with_exact_units()
    {
        const string Yaml = """
            data: [data/SPY_1d.csv, data/SPY_1d_2024.csv]
            symbol: SPY
            strategy: sma-cross
            params:
              fast: 10
              slow: 30
              qty: 100
            cash: 2500.50
            costs: conservative
            slippage_atr_bps: 400
            slippage_cap_bps: 30
            slippage_multiplier: 1.5
            commission_per_share: 0.0035
            commission_bps: 2
            min_commission: 1
            max_volume_share: 0.1
            atr_period: 20
            fill_timing: same-bar-close
            latency_bars: 2
            corporate_actions: data/SPY_actions.csv
            corporate_actions_mode: forbid
            skip_bad_rows: true
            """;

        SettingsOverlay overlay = SettingsYaml.Parse(Yaml, Source);

        Assert.Equal(["data/SPY_1d.csv", "data/SPY_1d_2024.csv"], overlay.DataFiles);
        Assert.Equal("SPY", overlay.Symbol);
        Assert.Equal("sma-cross", overlay.Strategy);
        Assert.Equal(new Dictionary<string, long> { ["fast"] = 10, ["qty"] = 100, ["slow"] = 30 }, overlay.Parameters);
        Assert.Equal(2_500_500_000, overlay.InitialCashMicros);
        Assert.Equal(CostModel.Conservative, overlay.Costs);
        Assert.Equal(400, overlay.SlippageAtrBps);
        Assert.Equal(30, overlay.SlippageCapBps);
        Assert.Equal(150, overlay.SlippageMultiplierPercent);
        Assert.Equal(3500, overlay.CommissionPerShareMicros);
        Assert.Equal(2, overlay.CommissionBps);
        Assert.Equal(1_000_000, overlay.MinCommissionMicros);
        Assert.Equal(1000, overlay.MaxVolumeShareBps);
        Assert.Equal(20, overlay.AtrPeriod);
        Assert.Equal(FillTimings.SameBarClose, overlay.FillTiming);
        Assert.Equal(2, overlay.LatencyBars);
        Assert.Equal("data/SPY_actions.csv", overlay.CorporateActionsFile);
        Assert.Equal(CorporateActionsMode.Forbid, overlay.CorporateActionsMode);
        Assert.True(overlay.SkipBadRows);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void An_empty_file_overrides_nothing(string yaml) =>
        Assert.Equal(SettingsOverlay.Empty, SettingsYaml.Parse(yaml, Source));

    [Fact]
    public void An_unknown_key_is_refused_with_the_file_the_line_and_every_valid_key()
    {
        const string Yaml = "cash: 1000\nstrategy: sma-cross\nslipage_cap_bps: 10\n";

        ConfigurationException error = Assert.Throws<ConfigurationException>(() => SettingsYaml.Parse(Yaml, Source));

        Assert.Equal(3, error.Line);
        Assert.Equal("slipage_cap_bps", error.Key);
        Assert.StartsWith("run.yaml line 3: unknown key 'slipage_cap_bps'; valid keys: ", error.Message, StringComparison.Ordinal);
        Assert.All(SettingsYaml.ValidKeys, key => Assert.Contains(key, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_on_disk_is_named_in_its_errors()
    {
        using TemporaryFolder folder = new();
        string path = folder.Write("bad.yaml", "cash: lots\n");

        ConfigurationException error = Assert.Throws<ConfigurationException>(() => SettingsYaml.Load(path));

        Assert.Equal(path, error.ConfigurationFile);
        Assert.StartsWith($"{path} line 1: cash: 'lots' is not allowed; expected a positive amount", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cash: 0", "cash", "a positive amount of dollars")]
    [InlineData("cash: 1e5", "cash", "a positive amount of dollars")]
    [InlineData("cash: 100.0000001", "cash", "a positive amount of dollars")]
    [InlineData("costs: free", "costs", "one of conservative, none")]
    [InlineData("slippage_atr_bps: -1", "slippage_atr_bps", "a whole number from 0 to 10000")]
    [InlineData("slippage_cap_bps: 2.5", "slippage_cap_bps", "a whole number from 0 to 10000")]
    [InlineData("slippage_multiplier: 1.555", "slippage_multiplier", "whole percent")]
    [InlineData("slippage_multiplier: 101", "slippage_multiplier", "from 0 to 100")]
    [InlineData("commission_per_share: -0.01", "commission_per_share", "from 0 to 100")]
    [InlineData("max_volume_share: 1.5", "max_volume_share", "from 0 (no cap) to 1")]
    [InlineData("max_volume_share: 0.00001", "max_volume_share", "whole basis points")]
    [InlineData("atr_period: 0", "atr_period", "a whole number from 1 to 10000")]
    [InlineData("fill_timing: instant", "fill_timing", "one of next-bar-open, same-bar-close")]
    [InlineData("latency_bars: many", "latency_bars", "a whole number from 0 to 1000")]
    [InlineData("corporate_actions_mode: ignore", "corporate_actions_mode", "one of apply, forbid")]
    [InlineData("skip_bad_rows: yes", "skip_bad_rows", "true or false")]
    [InlineData("data: data/SPY.csv", "data", "a list of bar file paths")]
    [InlineData("params: 10", "params", "with a whole number value")]
    [InlineData("params: {fast: 1.5}", "params.fast", "a whole number")]
    [InlineData("params: {9lives: 1}", "params", "a name must be a letter then")]
    [InlineData("symbol:", "symbol", "a symbol")]
    [InlineData("strategy: [a, b]", "strategy", "a strategy name")]
    public void A_value_of_the_wrong_type_or_out_of_range_is_refused_with_what_is_allowed(string yaml, string key, string allowed)
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => SettingsYaml.Parse("# the second line is the bad one\n" + yaml + "\n", Source));

        Assert.Equal(key, error.Key);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("run.yaml line 2: " + key, error.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_refused_at_its_second_line()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => SettingsYaml.Parse("cash: 1\ncash: 2\n", Source));

        Assert.Equal(2, error.Line);
        Assert.Contains("run.yaml line 2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cost_tuned_beside_costs_none_is_refused_because_nothing_would_read_it()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => SettingsYaml.Parse("costs: none\nslippage_cap_bps: 10\n", Source));

        Assert.Equal("slippage_cap_bps", error.Key);
        Assert.Equal("run.yaml line 2: slippage_cap_bps conflicts with 'costs: none' (line 1), which zeroes every cost; remove one of them", error.Message);
    }

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("just text\n")]
    [InlineData("cash: [1, 2\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    public void Text_that_is_not_one_mapping_of_keys_is_refused_with_its_line(string yaml)
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => SettingsYaml.Parse(yaml, Source));

        Assert.True(error.Line >= 1);
        Assert.StartsWith("run.yaml line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_by_name()
    {
        string path = Path.Combine(Path.GetTempPath(), "mqd-no-such-" + Guid.NewGuid().ToString("N") + ".yaml");

        ConfigurationException error = Assert.Throws<ConfigurationException>(() => SettingsYaml.Load(path));

        Assert.StartsWith(path + ": cannot be read", error.Message, StringComparison.Ordinal);
    }
}
