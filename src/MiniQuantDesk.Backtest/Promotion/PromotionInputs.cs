namespace MiniQuantDesk.Backtest.Promotion;

/// <summary>What promotion judges: the artifact's verification and the metrics of the baseline and stress runs.</summary>
/// <param name="HashVerified">True when <c>mqd verify</c> re-checked every hash of the artifact.</param>
/// <param name="VerifyEvidence">What the verification found, quoted in the check.</param>
/// <param name="Baseline">The baseline run's <c>metrics.json</c> values by key (see <see cref="MetricNames"/>).</param>
/// <param name="Stress">Each stress run's metrics.</param>
public sealed record PromotionInputs(
    bool HashVerified,
    string VerifyEvidence,
    IReadOnlyDictionary<string, double> Baseline,
    IReadOnlyList<StressOutcome> Stress);
