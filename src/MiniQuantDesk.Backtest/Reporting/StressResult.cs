using MiniQuantDesk.Backtest.Metrics;

namespace MiniQuantDesk.Backtest.Reporting;

/// <summary>One stress profile's outcome, a row of the report's stress table.</summary>
/// <param name="Profile">The stress profile's name, e.g. <c>slippage_x2</c>.</param>
/// <param name="Metrics">The metrics of the run under that profile.</param>
public sealed record StressResult(string Profile, BacktestMetrics Metrics);
