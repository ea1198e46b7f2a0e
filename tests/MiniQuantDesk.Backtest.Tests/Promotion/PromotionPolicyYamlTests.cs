using MiniQuantDesk.Backtest.Configuration;
using MiniQuantDesk.Backtest.Promotion;
using MiniQuantDesk.Backtest.Tests.Configuration;

namespace MiniQuantDesk.Backtest.Tests.Promotion;

/// <summary>The promotion policy is read strictly, and the repository's default file is the built-in policy.</summary>
public sealed class PromotionPolicyYamlTests
{
    [Fact]
    public void The_repository_default_policy_file_is_the_built_in_policy()
    {
        PromotionPolicy policy = PromotionPolicyYaml.Load(RepositoryConfig.Folder(Path.Combine("promotion", "default.yaml")));

        Assert.Equal(PromotionPolicy.Default, policy);
        Assert.Equal(0.5m, policy.MinSharpe);
        Assert.Equal(0.25m, policy.MaxDrawdown);
        Assert.Equal(20, policy.MinTrades);
        Assert.Equal(1.1m, policy.MinProfitFactor);
        Assert.Equal(0.5m, policy.MaxStressReturnDrop);
        Assert.True(policy.RequireStress);
    }

    [Fact]
    public void Keys_a_file_leaves_out_keep_their_defaults_and_decimals_are_exact()
    {
        PromotionPolicy policy = PromotionPolicyYaml.Parse("min_sharpe: -0.000001\nrequire_stress: false\n", "p.yaml");

        Assert.Equal(PromotionPolicy.Default with { MinSharpe = -0.000001m, RequireStress = false }, policy);
    }

    [Fact]
    public void An_unknown_policy_key_is_refused_with_its_line_and_the_valid_keys()
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => PromotionPolicyYaml.Parse("min_sharpe: 1\nmin_sortino: 1\n", "p.yaml"));

        Assert.Equal(
            "p.yaml line 2: unknown key 'min_sortino'; valid keys: max_drawdown, max_stress_return_drop, min_profit_factor, min_sharpe, min_trades, require_stress",
            error.Message);
    }

    [Theory]
    [InlineData("max_drawdown: 1.5", "max_drawdown", "a fraction from 0 to 1")]
    [InlineData("min_trades: 2.5", "min_trades", "a whole number from 0 to 1000000")]
    [InlineData("min_profit_factor: much", "min_profit_factor", "a decimal from 0 to 1000")]
    [InlineData("require_stress: maybe", "require_stress", "true or false")]
    public void A_bad_policy_value_is_refused_with_what_is_allowed(string yaml, string key, string allowed)
    {
        ConfigurationException error = Assert.Throws<ConfigurationException>(() => PromotionPolicyYaml.Parse(yaml, "p.yaml"));

        Assert.Equal(key, error.Key);
        Assert.StartsWith($"p.yaml line 1: {key}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, error.Message, StringComparison.Ordinal);
    }
}
