using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Metrics;
using MiniQuantDesk.Backtest.Tests.Artifacts;
using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Tests.Metrics;

public class MetricsCalculatorTests
{
    private const long Dollar = 1_000_000;

    private static EquityPoint Close(int month, int day, long equityMicros, long exposureMicros = 0) =>
        new(NewYork.WinterClose(2024, month, day), equityMicros, equityMicros - exposureMicros, exposureMicros);

    private static BacktestMetrics Compute(IReadOnlyList<EquityPoint> equity, IReadOnlyList<RoundTrip>? trips = null, IReadOnlyList<FillRecord>? fills = null) =>
        MetricsCalculator.Compute(equity, trips ?? [], fills ?? [], 100 * Dollar);

    // Daily closes 100, 110, 99, 108.9: returns +10 %, −10 %, +10 %.
    private static readonly EquityPoint[] s_upDownUp =
    [
        Close(1, 2, 100 * Dollar),
        Close(1, 3, 110 * Dollar),
        Close(1, 4, 99 * Dollar),
        Close(1, 5, 108_900_000),
    ];

    [Fact]
    public void Sharpe_is_the_mean_over_the_sample_deviation_of_daily_returns_annualised_by_root_252()
    {
        // mean 1/30, sample deviation √(0.02666…/2) = 0.11547: ratio 1/(2√3), × √252 = √21.
        Assert.Equal(Math.Sqrt(21), Compute(s_upDownUp).Sharpe, 9);
    }

    [Fact]
    public void Sortino_divides_by_the_downside_deviation_with_target_zero()
    {
        // downside deviation √(0.01/3): ratio (1/30)/(0.1/√3) = 1/√3, × √252 = √84.
        Assert.Equal(Math.Sqrt(84), Compute(s_upDownUp).Sortino, 9);
    }

    [Fact]
    public void Sharpe_and_sortino_are_zero_when_undefined()
    {
        BacktestMetrics flat = Compute([Close(1, 2, 100 * Dollar), Close(1, 3, 100 * Dollar), Close(1, 4, 100 * Dollar)]);

        Assert.Equal((0.0, 0.0), (flat.Sharpe, flat.Sortino));
    }

    [Fact]
    public void Daily_returns_use_the_last_equity_point_of_each_New_York_day()
    {
        EquityPoint[] intraday =
        [
            new(NewYork.At(2024, 1, 2, 10, 0, -5), 50 * Dollar, 0, 0),
            new(NewYork.At(2024, 1, 2, 16, 0, -5), 100 * Dollar, 0, 0),
            new(NewYork.At(2024, 1, 3, 10, 0, -5), 300 * Dollar, 0, 0),
            new(NewYork.At(2024, 1, 3, 16, 0, -5), 120 * Dollar, 0, 0),
        ];

        Assert.Equal([0.2], MetricsCalculator.DailyReturns(intraday), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Max_drawdown_is_the_largest_fall_from_a_peak_and_an_unrecovered_one_lasts_to_the_end()
    {
        BacktestMetrics metrics = Compute(s_upDownUp);

        Assert.Equal(0.1, metrics.MaxDrawdown, 12);
        Assert.Equal(2, metrics.MaxDrawdownDurationDays);
    }

    [Fact]
    public void Drawdown_duration_counts_calendar_days_from_the_peak_to_the_recovery()
    {
        BacktestMetrics metrics = Compute(
        [
            Close(1, 1, 100 * Dollar),
            Close(1, 2, 90 * Dollar),
            Close(1, 5, 95 * Dollar),
            Close(1, 8, 100 * Dollar),
            Close(1, 9, 80 * Dollar),
            Close(1, 10, 85 * Dollar),
        ]);

        Assert.Equal(7, metrics.MaxDrawdownDurationDays);
        Assert.Equal(0.2, metrics.MaxDrawdown, 12);
    }

    [Fact]
    public void Cagr_compounds_over_calendar_years_of_365_25_days()
    {
        // 2020-01-01 to 2022-01-01 is 731 days; 100 to 121 is about 10 % a year.
        BacktestMetrics metrics = MetricsCalculator.Compute(
            [new(NewYork.WinterClose(2020, 1, 1), 100 * Dollar, 0, 0), new(NewYork.WinterClose(2022, 1, 1), 121 * Dollar, 0, 0)],
            [],
            [],
            100 * Dollar);

        Assert.Equal(Math.Pow(1.21, 365.25 / 731) - 1, metrics.Cagr, 12);
        Assert.Equal(0.0999, metrics.Cagr, 3);
        Assert.Equal(0.21, metrics.TotalReturn, 12);
    }

    [Fact]
    public void Profit_factor_is_gross_wins_over_gross_losses_and_win_rate_counts_winners()
    {
        RoundTrip[] trips = [Trip(30), Trip(-10), Trip(20), Trip(-5)];

        BacktestMetrics metrics = Compute(s_upDownUp, trips);

        Assert.Equal(50.0 / 15.0, metrics.ProfitFactor!.Value, 12);
        Assert.Equal(0.5, metrics.WinRate);
        Assert.Equal(4, metrics.TradeCount);
    }

    [Fact]
    public void Profit_factor_is_null_without_losses()
    {
        Assert.Null(Compute(s_upDownUp, [Trip(30)]).ProfitFactor);
    }

    [Fact]
    public void Exposure_turnover_fees_and_bars_come_from_the_points_and_fills()
    {
        EquityPoint[] equity = [Close(1, 2, 100 * Dollar), Close(1, 3, 100 * Dollar, 50 * Dollar), Close(1, 4, 100 * Dollar, 50 * Dollar), Close(1, 5, 100 * Dollar)];
        FillRecord[] fills = [Fills.Buy("SPY", 10, 5 * Dollar, 250_000), Fills.Sell("SPY", 10, 5 * Dollar, 250_000)];

        BacktestMetrics metrics = Compute(equity, [], fills);

        Assert.Equal(0.5, metrics.Exposure);
        Assert.Equal(1.0, metrics.Turnover, 12);
        Assert.Equal(500_000, metrics.TotalFeesMicros);
        Assert.Equal(4, metrics.Bars);
        Assert.Equal(100 * Dollar, metrics.FinalEquityMicros);
    }

    private static RoundTrip Trip(long pnlDollars) =>
        new("SPY", Side.Buy, 0, Dollar, 1, Dollar, 1, pnlDollars * Dollar, 0);

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
