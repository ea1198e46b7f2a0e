using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Cli.Tests.Support;

namespace MiniQuantDesk.Cli.Tests.Commands;

/// <summary>A name that does not exist — strategy, parameter, configuration key — is refused (exit 1) with the
/// valid names, and nothing is written.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class UnknownNameTests(SampleDataFixture sample) : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Output => _temp.Sub("run");

    [Fact]
    public void An_unknown_strategy_is_refused_naming_the_valid_strategies()
    {
        MqdRun run = Mqd.Run("backtest", "--data", sample.Daily, "--strategy", "nope", "--out", Output);

        run.AssertRefused("'nope'", "sma-cross", "breakout");
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void An_unknown_strategy_parameter_is_refused_naming_the_valid_parameters()
    {
        MqdRun run = Mqd.Run("backtest", "--data", sample.Daily, "--param", "zzz=3", "--out", Output);

        run.AssertRefused("'zzz'", "fast", "slow", "qty");
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void A_parameter_of_another_strategy_is_refused_naming_this_strategys_parameters()
    {
        MqdRun run = Mqd.Run("backtest", "--data", sample.Daily, "--strategy", "breakout", "--param", "fast=3", "--out", Output);

        run.AssertRefused("'fast'", "entry", "exit", "qty");
    }

    [Fact]
    public void A_parameter_value_that_is_not_a_whole_number_is_refused_naming_the_form()
    {
        MqdRun run = Mqd.Run("backtest", "--data", sample.Daily, "--param", "fast=ten", "--out", Output);

        run.AssertRefused("fast=ten", "NAME=WHOLE_NUMBER");
    }

    [Fact]
    public void An_unknown_config_key_is_refused_naming_its_line_and_the_valid_keys()
    {
        string config = _temp.Write("run.yaml", "strategy: sma-cross\nfastt: 3\n");

        MqdRun run = Mqd.Run("backtest", "--data", sample.Daily, "--config", config, "--out", Output);

        run.AssertRefused([$"{config} line 2", "'fastt'", .. SettingsYaml.ValidKeys]);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void An_unknown_stress_profile_is_refused_naming_the_valid_ones()
    {
        MqdRun run = Mqd.Run("backtest", "--data", sample.Daily, "--corporate-actions", sample.Actions, "--corporate-actions-mode", "apply", "--stress", "nope", "--out", Output);

        run.AssertRefused("'nope'", "high-latency", "partial-fills", "slippage-x2", "all");
        Assert.False(Directory.Exists(Output));
    }

    public void Dispose() => _temp.Dispose();
}
