using MiniQuantDesk.Backtest.Promotion;

namespace MiniQuantDesk.Backtest.Tests.Promotion;

/// <summary>Promotion passes only a verified artifact whose baseline clears every threshold and whose every
/// required stress run kept enough of the return; anything missing fails closed.</summary>
public sealed class PromotionEvaluatorTests
{
    private static readonly string[] s_profiles = ["high-latency", "partial-fills", "slippage-x2"];

    private static Dictionary<string, double> GoodBaseline() => new()
    {
        [MetricNames.Sharpe] = 1.2,
        [MetricNames.MaxDrawdown] = 0.1,
        [MetricNames.TradeCount] = 40,
        [MetricNames.ProfitFactor] = 1.6,
        [MetricNames.TotalReturn] = 0.2,
        [MetricNames.FinalEquity] = 120_000,
    };

    private static List<StressOutcome> Stress(double totalReturn) =>
        [.. s_profiles.Select(profile => new StressOutcome(profile, new Dictionary<string, double> { [MetricNames.TotalReturn] = totalReturn }))];

    private static PromotionInputs GoodInputs() => new(true, "manifest: 9 files, all hashes match", GoodBaseline(), Stress(0.15));

    private static PromotionResult Evaluate(PromotionInputs inputs, PromotionPolicy? policy = null) =>
        new PromotionEvaluator(policy ?? PromotionPolicy.Default).Evaluate(inputs);

    private static PromotionCheck Check(PromotionResult result, string name) => Assert.Single(result.Checks, check => check.Name == name);

    [Fact]
    public void A_verified_run_that_clears_every_threshold_and_every_stress_is_promoted()
    {
        PromotionResult result = Evaluate(GoodInputs());

        Assert.True(result.Passed);
        Assert.Equal(
            ["hash_verified", "min_sharpe", "max_drawdown", "min_trades", "min_profit_factor", "stress:high-latency", "stress:partial-fills", "stress:slippage-x2"],
            result.Checks.Select(check => check.Name));
        Assert.All(result.Checks, check => Assert.True(check.Passed, check.Name));
    }

    [Fact]
    public void An_artifact_whose_hashes_were_not_verified_is_not_promoted_and_the_verification_is_quoted()
    {
        PromotionResult result = Evaluate(GoodInputs() with { HashVerified = false, VerifyEvidence = "fills.csv: hash mismatch" });

        Assert.False(result.Passed);
        PromotionCheck check = Check(result, "hash_verified");
        Assert.False(check.Passed);
        Assert.Equal("fills.csv: hash mismatch", check.Evidence);
    }

    [Theory]
    [InlineData(MetricNames.Sharpe, "min_sharpe", 0.5, true)]
    [InlineData(MetricNames.Sharpe, "min_sharpe", 0.49999999, false)]
    [InlineData(MetricNames.MaxDrawdown, "max_drawdown", 0.25, true)]
    [InlineData(MetricNames.MaxDrawdown, "max_drawdown", -0.25, true)]
    [InlineData(MetricNames.MaxDrawdown, "max_drawdown", 0.25000001, false)]
    [InlineData(MetricNames.MaxDrawdown, "max_drawdown", -0.26, false)]
    [InlineData(MetricNames.TradeCount, "min_trades", 20, true)]
    [InlineData(MetricNames.TradeCount, "min_trades", 19, false)]
    [InlineData(MetricNames.ProfitFactor, "min_profit_factor", 1.1, true)]
    [InlineData(MetricNames.ProfitFactor, "min_profit_factor", 1.0999999, false)]
    [InlineData(MetricNames.ProfitFactor, "min_profit_factor", double.PositiveInfinity, true)]
    public void Each_threshold_passes_at_its_boundary_and_fails_just_beyond_it(string metric, string checkName, double value, bool passes)
    {
        Dictionary<string, double> baseline = GoodBaseline();
        baseline[metric] = value;

        PromotionResult result = Evaluate(GoodInputs() with { Baseline = baseline });

        Assert.Equal(passes, Check(result, checkName).Passed);
        Assert.Equal(passes, result.Passed);
    }

    [Theory]
    [InlineData(MetricNames.Sharpe, "min_sharpe")]
    [InlineData(MetricNames.MaxDrawdown, "max_drawdown")]
    [InlineData(MetricNames.TradeCount, "min_trades")]
    public void A_missing_metric_fails_its_check_and_the_evidence_says_it_is_missing(string metric, string checkName)
    {
        Dictionary<string, double> baseline = GoodBaseline();
        baseline.Remove(metric);

        PromotionResult result = Evaluate(GoodInputs() with { Baseline = baseline });

        PromotionCheck check = Check(result, checkName);
        Assert.False(check.Passed);
        Assert.Equal($"{metric} missing from the metrics", check.Evidence);
        Assert.False(result.Passed);
    }

    [Fact]
    public void A_metric_that_is_not_a_number_fails_its_check()
    {
        Dictionary<string, double> baseline = GoodBaseline();
        baseline[MetricNames.Sharpe] = double.NaN;

        PromotionCheck check = Check(Evaluate(GoodInputs() with { Baseline = baseline }), "min_sharpe");

        Assert.False(check.Passed);
        Assert.Equal("sharpe is NaN", check.Evidence);
    }

    [Fact]
    public void An_absent_profit_factor_means_no_losing_trade_and_passes()
    {
        Dictionary<string, double> baseline = GoodBaseline();
        baseline.Remove(MetricNames.ProfitFactor);

        PromotionCheck check = Check(Evaluate(GoodInputs() with { Baseline = baseline }), "min_profit_factor");

        Assert.True(check.Passed);
        Assert.Contains("+infinity", check.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absent_profit_factor_with_no_trades_is_undefined_and_fails()
    {
        Dictionary<string, double> baseline = GoodBaseline();
        baseline.Remove(MetricNames.ProfitFactor);
        baseline[MetricNames.TradeCount] = 0;

        PromotionCheck check = Check(Evaluate(GoodInputs() with { Baseline = baseline }), "min_profit_factor");

        Assert.False(check.Passed);
        Assert.Contains("undefined", check.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.2, 0.1, true)]
    [InlineData(0.2, 0.0999999, false)]
    [InlineData(-0.2, -0.3, true)]
    [InlineData(-0.2, -0.3000001, false)]
    [InlineData(0.0, 0.0, true)]
    [InlineData(0.0, -0.0000001, false)]
    public void A_stress_run_passes_while_it_keeps_at_least_half_the_baseline_return(double baseline, double stressed, bool passes)
    {
        Dictionary<string, double> metrics = GoodBaseline();
        metrics[MetricNames.TotalReturn] = baseline;

        PromotionResult result = Evaluate(GoodInputs() with { Baseline = metrics, Stress = Stress(stressed) });

        Assert.All(s_profiles, profile => Assert.Equal(passes, Check(result, "stress:" + profile).Passed));
        Assert.Equal(passes, result.Passed);
    }

    [Fact]
    public void A_built_in_stress_profile_that_did_not_run_fails_promotion()
    {
        List<StressOutcome> stress = Stress(0.15);
        stress.RemoveAll(outcome => outcome.Profile == "partial-fills");

        PromotionResult result = Evaluate(GoodInputs() with { Stress = stress });

        Assert.False(result.Passed);
        PromotionCheck check = Check(result, "stress:partial-fills");
        Assert.False(check.Passed);
        Assert.Equal("stress profile partial-fills was not run; run mqd backtest --stress all", check.Evidence);
    }

    [Fact]
    public void Without_any_stress_run_promotion_fails_on_every_built_in_profile()
    {
        PromotionResult result = Evaluate(GoodInputs() with { Stress = [] });

        Assert.False(result.Passed);
        Assert.All(s_profiles, profile => Assert.False(Check(result, "stress:" + profile).Passed));
    }

    [Fact]
    public void When_the_policy_does_not_require_stress_a_missing_profile_does_not_fail_promotion()
    {
        PromotionResult result = Evaluate(GoodInputs() with { Stress = [] }, PromotionPolicy.Default with { RequireStress = false });

        Assert.True(result.Passed);
        Assert.Contains("require_stress is false", Check(result, "stress:slippage-x2").Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stress_run_without_a_total_return_fails_closed()
    {
        List<StressOutcome> stress = Stress(0.15);
        stress[0] = new StressOutcome(stress[0].Profile, new Dictionary<string, double>());

        PromotionCheck check = Check(Evaluate(GoodInputs() with { Stress = stress }), "stress:" + stress[0].Profile);

        Assert.False(check.Passed);
        Assert.Contains("total_return missing", check.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stress_profile_reported_twice_is_ambiguous_and_fails()
    {
        List<StressOutcome> stress = Stress(0.15);
        stress.Add(stress[0]);

        PromotionCheck check = Check(Evaluate(GoodInputs() with { Stress = stress }), "stress:" + stress[0].Profile);

        Assert.False(check.Passed);
        Assert.Contains("reported 2 times", check.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extra_custom_stress_profile_is_judged_too()
    {
        List<StressOutcome> stress = Stress(0.15);
        stress.Add(new StressOutcome("crash", new Dictionary<string, double> { [MetricNames.TotalReturn] = -0.5 }));

        PromotionResult result = Evaluate(GoodInputs() with { Stress = stress });

        Assert.False(Check(result, "stress:crash").Passed);
        Assert.False(result.Passed);
    }
}
