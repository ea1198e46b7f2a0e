using System.Globalization;
using MiniQuantDesk.Backtest.Configuration;

namespace MiniQuantDesk.Backtest.Promotion;

/// <summary>
/// Decides whether a strategy's backtest may be promoted under a <see cref="PromotionPolicy"/>: the artifact must
/// be hash-verified, the baseline metrics must clear every threshold and every required stress profile must have
/// run without losing more of the return than allowed. It fails closed: a missing or non-numeric metric fails its
/// check, and the evidence says so.
/// </summary>
public sealed class PromotionEvaluator
{
    private const string StressCheckPrefix = "stress:";

    private readonly IReadOnlyList<string> _requiredStressProfiles;

    /// <summary>An evaluator requiring the built-in stress profiles.</summary>
    public PromotionEvaluator(PromotionPolicy policy)
        : this(policy, StressProfileCatalog.BuiltIn.Names)
    {
    }

    /// <summary>An evaluator requiring <paramref name="requiredStressProfiles"/> (when the policy requires stress).</summary>
    public PromotionEvaluator(PromotionPolicy policy, IReadOnlyList<string> requiredStressProfiles)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(requiredStressProfiles);
        Policy = policy;
        _requiredStressProfiles = [.. requiredStressProfiles.Order(StringComparer.Ordinal)];
    }

    /// <summary>The policy judged against.</summary>
    public PromotionPolicy Policy { get; }

    /// <summary>Runs every check, in a fixed order: verification, the baseline thresholds, then each stress profile
    /// by name.</summary>
    public PromotionResult Evaluate(PromotionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        List<PromotionCheck> checks =
        [
            new("hash_verified", inputs.HashVerified, inputs.VerifyEvidence, "every artifact hash verified by mqd verify"),
            AtLeast(inputs.Baseline, "min_sharpe", MetricNames.Sharpe, Policy.MinSharpe),
            MaxDrawdown(inputs.Baseline),
            AtLeast(inputs.Baseline, "min_trades", MetricNames.TradeCount, Policy.MinTrades),
            ProfitFactor(inputs.Baseline),
        ];
        checks.AddRange(StressChecks(inputs));
        return new PromotionResult(checks.TrueForAll(check => check.Passed), checks);
    }

    private static PromotionCheck AtLeast(IReadOnlyDictionary<string, double> metrics, string name, string metric, decimal minimum)
    {
        string threshold = $"{metric} >= {Text(minimum)}";
        return Metric(metrics, metric, out double value, out string? missing)
            ? new PromotionCheck(name, value >= ToDouble(minimum), $"{metric} {Text(value)}", threshold)
            : new PromotionCheck(name, false, missing, threshold);
    }

    // Drawdown is read as a magnitude, so a metrics file that reports it as a negative return judges the same.
    private PromotionCheck MaxDrawdown(IReadOnlyDictionary<string, double> metrics)
    {
        const string Name = "max_drawdown";
        string threshold = $"|{MetricNames.MaxDrawdown}| <= {Text(Policy.MaxDrawdown)}";
        return Metric(metrics, MetricNames.MaxDrawdown, out double value, out string? missing)
            ? new PromotionCheck(Name, Math.Abs(value) <= ToDouble(Policy.MaxDrawdown), $"{MetricNames.MaxDrawdown} {Text(value)}", threshold)
            : new PromotionCheck(Name, false, missing, threshold);
    }

    // metrics.json leaves profit_factor out when no trade lost (it would be +infinity); that passes only when
    // there were trades at all, since with none the factor is undefined, not infinite.
    private PromotionCheck ProfitFactor(IReadOnlyDictionary<string, double> metrics)
    {
        const string Name = "min_profit_factor";
        if (metrics.ContainsKey(MetricNames.ProfitFactor))
        {
            return AtLeast(metrics, Name, MetricNames.ProfitFactor, Policy.MinProfitFactor);
        }

        string threshold = $"{MetricNames.ProfitFactor} >= {Text(Policy.MinProfitFactor)}";
        return Metric(metrics, MetricNames.TradeCount, out double trades, out _) && trades > 0
            ? new PromotionCheck(Name, true, $"{MetricNames.ProfitFactor} absent: no losing trade in {Text(trades)} trades (+infinity)", threshold)
            : new PromotionCheck(Name, false, $"{MetricNames.ProfitFactor} absent and no trades: the profit factor is undefined", threshold);
    }

    private IEnumerable<PromotionCheck> StressChecks(PromotionInputs inputs)
    {
        SortedSet<string> profiles = new(_requiredStressProfiles, StringComparer.Ordinal);
        profiles.UnionWith(inputs.Stress.Select(outcome => outcome.Profile));
        foreach (string profile in profiles)
        {
            yield return StressCheck(inputs, profile);
        }
    }

    private PromotionCheck StressCheck(PromotionInputs inputs, string profile)
    {
        string name = StressCheckPrefix + profile;
        string drop = Text(Policy.MaxStressReturnDrop);
        string threshold = $"{MetricNames.TotalReturn} >= baseline {MetricNames.TotalReturn} - {drop} x |baseline {MetricNames.TotalReturn}|";
        StressOutcome[] outcomes = [.. inputs.Stress.Where(outcome => outcome.Profile == profile)];
        if (outcomes.Length == 0)
        {
            return Policy.RequireStress
                ? new PromotionCheck(name, false, $"stress profile {profile} was not run; run mqd backtest --stress all", threshold)
                : new PromotionCheck(name, true, $"stress profile {profile} was not run (require_stress is false)", threshold);
        }

        if (outcomes.Length > 1)
        {
            return new PromotionCheck(name, false, $"stress profile {profile} was reported {outcomes.Length} times; which run counts is ambiguous", threshold);
        }

        if (!Metric(inputs.Baseline, MetricNames.TotalReturn, out double baseline, out string? missing))
        {
            return new PromotionCheck(name, false, missing, threshold);
        }

        if (!Metric(outcomes[0].Metrics, MetricNames.TotalReturn, out double stressed, out missing))
        {
            return new PromotionCheck(name, false, $"stress profile {profile}: {missing}", threshold);
        }

        double floor = baseline - (ToDouble(Policy.MaxStressReturnDrop) * Math.Abs(baseline));
        string evidence = $"{MetricNames.TotalReturn} {Text(stressed)} vs baseline {Text(baseline)}, floor {Text(floor)}";
        return new PromotionCheck(name, stressed >= floor, evidence, threshold);
    }

    private static bool Metric(IReadOnlyDictionary<string, double> metrics, string key, out double value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? missing)
    {
        if (!metrics.TryGetValue(key, out value))
        {
            missing = $"{key} missing from the metrics";
            return false;
        }

        if (double.IsNaN(value))
        {
            missing = $"{key} is NaN";
            return false;
        }

        missing = null;
        return true;
    }

    // Through the decimal's text: the nearest double to the written threshold, so that a metric equal to 1.1
    // meets a threshold of 1.1.
    private static double ToDouble(decimal value) => double.Parse(Text(value), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
