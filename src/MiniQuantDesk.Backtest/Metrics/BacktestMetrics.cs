namespace MiniQuantDesk.Backtest.Metrics;

/// <summary>
/// The summary of a run, as <c>metrics.json</c> holds it. Money is exact micros; ratios are doubles computed in a
/// fixed order (so they are the same on every run) and rounded to 6 decimals only when written.
/// </summary>
/// <param name="InitialCashMicros">Cash at the start.</param>
/// <param name="FinalEquityMicros">Equity at the last equity point (the initial cash when there is none).</param>
/// <param name="TotalReturn">Final equity over initial cash, minus 1.</param>
/// <param name="Cagr">Compound annual growth over the calendar years (days / 365.25) from the first to the last
/// equity point; 0 when that span is empty.</param>
/// <param name="Sharpe">Mean over sample standard deviation of daily returns, times √252; 0 when undefined.</param>
/// <param name="Sortino">Mean daily return over downside deviation (target 0), times √252; 0 when undefined.</param>
/// <param name="MaxDrawdown">The largest fall from a running peak, as a positive fraction of that peak.</param>
/// <param name="MaxDrawdownDurationDays">The longest calendar-day span from a peak to the recovery of that peak, or
/// to the last point when it never recovered.</param>
/// <param name="ProfitFactor">Gross winning round-trip pnl over gross losing pnl; null when there are no losses.</param>
/// <param name="WinRate">Winning round trips (pnl &gt; 0) over all round trips; 0 without round trips.</param>
/// <param name="TradeCount">The number of round trips.</param>
/// <param name="Exposure">The fraction of equity points with gross exposure above zero.</param>
/// <param name="Turnover">Sum of fill notional over average equity.</param>
/// <param name="TotalFeesMicros">Fees of all fills.</param>
/// <param name="Bars">The number of equity points.</param>
public sealed record BacktestMetrics(
    long InitialCashMicros,
    long FinalEquityMicros,
    double TotalReturn,
    double Cagr,
    double Sharpe,
    double Sortino,
    double MaxDrawdown,
    int MaxDrawdownDurationDays,
    double? ProfitFactor,
    double WinRate,
    int TradeCount,
    double Exposure,
    double Turnover,
    long TotalFeesMicros,
    int Bars);
