using MiniQuantDesk.Backtest.Configuration;

namespace MiniQuantDesk.Backtest.Tests.Configuration;

/// <summary>Settings resolve as defaults, then the file, then the command line, then the stress profile.</summary>
public sealed class SettingsResolverTests
{
    private static readonly SettingsOverlay s_cliWithData = new() { DataFiles = ["data/SPY_1d.csv"] };

    [Fact]
    public void With_no_file_and_only_data_on_the_command_line_every_setting_is_its_default()
    {
        BacktestSettings settings = SettingsResolver.Resolve(null, s_cliWithData, null);

        Assert.Equal(new BacktestSettings { DataFiles = ["data/SPY_1d.csv"] }, settings);
        Assert.Equal(100_000_000_000, settings.InitialCashMicros);
        Assert.Equal(CostSettings.Conservative, settings.CostSettings);
        Assert.Equal(new CostSettings
        {
            SlippageAtrBps = 500,
            SlippageCapBps = 25,
            SlippageMultiplierPercent = 100,
            CommissionPerShareMicros = 5000,
            CommissionBps = 0,
            MinCommissionMicros = 0,
            MaxVolumeShareBps = 1000,
            AtrPeriod = 14,
        }, settings.CostSettings);
        Assert.Equal(FillTimings.NextBarOpen, settings.FillTiming);
        Assert.Null(settings.StressProfile);
    }

    [Fact]
    public void The_command_line_overrides_the_file_which_overrides_the_defaults()
    {
        SettingsOverlay file = SettingsYaml.Parse("cash: 50000\nslippage_cap_bps: 40\nlatency_bars: 2\nparams: {fast: 5, slow: 20}\nsymbol: QQQ\n", "run.yaml");
        SettingsOverlay cli = s_cliWithData with { InitialCashMicros = 75_000_000_000, Parameters = new Dictionary<string, long> { ["fast"] = 10, ["qty"] = 100 } };

        BacktestSettings settings = SettingsResolver.Resolve(file, cli, null);

        Assert.Equal(75_000_000_000, settings.InitialCashMicros);
        Assert.Equal(40, settings.CostSettings.SlippageCapBps);
        Assert.Equal(500, settings.CostSettings.SlippageAtrBps);
        Assert.Equal(2, settings.LatencyBars);
        Assert.Equal("QQQ", settings.Symbol);
        Assert.Equal(new Dictionary<string, long> { ["fast"] = 10, ["qty"] = 100, ["slow"] = 20 }, settings.Parameters);
    }

    [Fact]
    public void Costs_none_on_the_command_line_zeroes_every_cost_the_file_tuned_including_the_volume_cap()
    {
        SettingsOverlay file = SettingsYaml.Parse("slippage_cap_bps: 40\ncommission_bps: 3\nmin_commission: 1\nmax_volume_share: 0.2\natr_period: 20\n", "run.yaml");

        BacktestSettings settings = SettingsResolver.Resolve(file, s_cliWithData with { Costs = CostModel.None }, null);

        Assert.Equal(CostModel.None, settings.Costs);
        Assert.Equal(CostSettings.None with { AtrPeriod = 20 }, settings.CostSettings);
        Assert.Equal(0, settings.CostSettings.MaxVolumeShareBps);
        Assert.Equal(0, settings.CostSettings.CommissionPerShareMicros);
    }

    [Fact]
    public void Costs_conservative_on_the_command_line_restores_the_defaults_after_a_file_said_none()
    {
        SettingsOverlay file = SettingsYaml.Parse("costs: none\n", "run.yaml");

        BacktestSettings settings = SettingsResolver.Resolve(file, s_cliWithData with { Costs = CostModel.Conservative }, null);

        Assert.Equal(CostSettings.Conservative, settings.CostSettings);
    }

    [Fact]
    public void A_cost_set_above_a_layer_that_chose_no_costs_is_refused()
    {
        SettingsOverlay file = SettingsYaml.Parse("costs: none\n", "run.yaml");

        ConfigurationException error = Assert.Throws<ConfigurationException>(() =>
            SettingsResolver.Resolve(file, s_cliWithData with { SlippageCapBps = 10 }, null));

        Assert.Contains("command line sets a cost while costs are 'none'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stress_profile_applies_last_as_a_delta_on_the_resolved_settings()
    {
        SettingsOverlay file = SettingsYaml.Parse("slippage_multiplier: 1.5\nlatency_bars: 1\nmax_volume_share: 0.005\n", "run.yaml");
        StressProfile stress = new("harsh", "everything worse", new SettingsOverlay
        {
            SlippageMultiplierPercent = 200,
            LatencyBars = 1,
            MaxVolumeShareBps = 100,
            CommissionBps = 5,
        });

        BacktestSettings settings = SettingsResolver.Resolve(file, s_cliWithData with { LatencyBars = 2 }, stress);

        Assert.Equal(300, settings.CostSettings.SlippageMultiplierPercent);
        Assert.Equal(3, settings.LatencyBars);
        Assert.Equal(50, settings.CostSettings.MaxVolumeShareBps);
        Assert.Equal(5, settings.CostSettings.CommissionBps);
        Assert.Equal("harsh", settings.StressProfile);
    }

    [Theory]
    [InlineData("slippage-x2", 200, 0, 1000)]
    [InlineData("high-latency", 100, 1, 1000)]
    [InlineData("partial-fills", 100, 0, 100)]
    public void Each_built_in_profile_stresses_the_default_run_by_its_named_amount(string profile, int multiplierPercent, int latencyBars, int volumeShareBps)
    {
        BacktestSettings settings = SettingsResolver.Resolve(null, s_cliWithData, StressProfileCatalog.BuiltIn.Get(profile));

        Assert.Equal(multiplierPercent, settings.CostSettings.SlippageMultiplierPercent);
        Assert.Equal(latencyBars, settings.LatencyBars);
        Assert.Equal(volumeShareBps, settings.CostSettings.MaxVolumeShareBps);
        Assert.Equal(profile, settings.StressProfile);
    }

    [Fact]
    public void The_partial_fills_profile_caps_volume_even_on_a_run_without_costs()
    {
        BacktestSettings settings = SettingsResolver.Resolve(null, s_cliWithData with { Costs = CostModel.None }, StressProfileCatalog.BuiltIn.Get("partial-fills"));

        Assert.Equal(CostModel.None, settings.Costs);
        Assert.Equal(100, settings.CostSettings.MaxVolumeShareBps);
        Assert.Equal(CostSettings.None with { MaxVolumeShareBps = 100 }, settings.CostSettings);
    }

    [Fact]
    public void A_corporate_actions_file_without_a_mode_keeps_no_mode_so_the_run_must_choose_before_crossing_a_split()
    {
        BacktestSettings settings = SettingsResolver.Resolve(null, s_cliWithData with { CorporateActionsFile = "actions.csv" }, null);

        // Neither applied nor ignored: the job refuses data that cross one of the file's splits unadjusted
        // (tests/MiniQuantDesk.Cli.Tests/CorporateActions shows the refusal).
        Assert.Equal(CorporateActionsMode.None, settings.CorporateActionsMode);
    }

    [Fact]
    public void A_corporate_actions_mode_without_a_file_is_refused()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() =>
            SettingsResolver.Resolve(null, s_cliWithData with { CorporateActionsMode = CorporateActionsMode.Forbid }, null));

        Assert.Contains("--corporate-actions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_bar_data_is_refused_with_how_to_give_it()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => SettingsResolver.Resolve(null, SettingsOverlay.Empty, null));

        Assert.Contains("--data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_files_from_the_command_line_replace_the_files_list_rather_than_extend_it()
    {
        SettingsOverlay file = SettingsYaml.Parse("data: [a.csv, b.csv]\n", "run.yaml");

        BacktestSettings settings = SettingsResolver.Resolve(file, new SettingsOverlay { DataFiles = ["c.csv"] }, null);

        Assert.Equal(["c.csv"], settings.DataFiles);
    }
}
