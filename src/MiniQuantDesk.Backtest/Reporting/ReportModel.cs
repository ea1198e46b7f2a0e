using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Metrics;

namespace MiniQuantDesk.Backtest.Reporting;

/// <summary>What <c>report.html</c> shows.</summary>
/// <param name="Title">The report's title, e.g. <c>Backtest</c>; the strategy and symbols are added to it.</param>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Symbols">The symbols traded.</param>
/// <param name="Run">Lines describing the run (key, value), e.g. data range, config hash, fill model; shown in order.</param>
/// <param name="Metrics">The run's metrics.</param>
/// <param name="Equity">The equity curve.</param>
/// <param name="RoundTrips">The round trips.</param>
/// <param name="Stress">Stress profiles' outcomes; empty when no stress suite ran.</param>
public sealed record ReportModel(
    string Title,
    string Strategy,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<KeyValuePair<string, string>> Run,
    BacktestMetrics Metrics,
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<RoundTrip> RoundTrips,
    IReadOnlyList<StressResult> Stress);
